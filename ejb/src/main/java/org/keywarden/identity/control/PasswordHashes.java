package org.keywarden.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA256 password hashes (210,000 iterations, 32-byte salt) through Jakarta Security; a
 * match is remembered for a while ({@link VerifiedPasswords}).
 */
@ApplicationScoped
public class PasswordHashes {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Compared against when a user does not exist, so that a miss takes as long as a wrong password. */
    private String decoy;

    private final VerifiedPasswords verified = new VerifiedPasswords(java.time.Clock.systemUTC());

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy-password".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** Whether the password matches the hash: PBKDF2, unless this same pair matched in the last few minutes. */
    public boolean verify(char[] password, String hash) {
        if (verified.contains(password, hash)) {
            return true;
        }
        boolean matches = pbkdf2.verify(password, hash);
        if (matches) {
            verified.remember(password, hash);
        }
        return matches;
    }

    public void verifyDecoy(char[] password) {
        pbkdf2.verify(password, decoy);
    }
}
