package org.keywarden.crypto.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device bearer tokens: 256 random bits, URL-safe base64. The server keeps only {@link #hash(String)}
 * of a token; tokens are high-entropy, so an unsalted SHA-256 cannot be reversed by guessing and
 * keeps the lookup a single index probe.
 */
public final class DeviceTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private DeviceTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Digests.sha256Hex("keywarden-device-token:" + token);
    }

    /** A random secret of {@code bytes} bytes, URL-safe base64, for generated settings. */
    public static String randomSecret(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
