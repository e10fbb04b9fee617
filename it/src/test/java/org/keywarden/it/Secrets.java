package org.keywarden.it;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh test values: valid recovery passwords, GUIDs, TPM hashes. Every secret handed out is
 * remembered, so the leak scan can search the log and every response for all of them.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final List<String> ISSUED = new CopyOnWriteArrayList<>();
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();

    private Secrets() {
    }

    /** A valid 48-digit recovery password: 8 groups, each 11 times a 16-bit value. */
    public static String recoveryPassword() {
        StringBuilder password = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g > 0) {
                password.append('-');
            }
            password.append(String.format("%06d", 11 * (RANDOM.nextInt(65535) + 1)));
        }
        return remember(password.toString());
    }

    public static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    public static String tpmHash() {
        byte[] hash = new byte[20];
        RANDOM.nextBytes(hash);
        return remember(java.util.Base64.getEncoder().encodeToString(hash));
    }

    public static String keyPackage() {
        byte[] keyPackage = new byte[300];
        RANDOM.nextBytes(keyPackage);
        return remember(java.util.Base64.getEncoder().encodeToString(keyPackage));
    }

    public static String remember(String secret) {
        ISSUED.add(secret);
        return secret;
    }

    /** A device token: it must never reach the log, but is rightly in its own enrollment answer. */
    public static String rememberToken(String token) {
        TOKENS.add(token);
        return token;
    }
}
