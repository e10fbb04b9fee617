package org.keywarden.device.control;

import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.crypto.control.Digests;

/**
 * The enrollment secret as the database keeps it ({@code installation_value}): {@code sha256:<salt>:<hex>},
 * a salted SHA-256 digest. The secret is random (generated: 24 characters of 6 bits) or at least 24
 * characters (configured), so a digest is enough to check it and too costly to reverse.
 */
final class SecretDigest {

    static final String ENROLLMENT = "enrollment";

    private SecretDigest() {
    }

    static String of(String secret) {
        String salt = DeviceTokens.randomSecret(12);
        return "sha256:" + salt + ":" + Digests.sha256Hex(salt + ":" + secret);
    }

    static boolean matches(String digest, String candidate) {
        String[] parts = digest.split(":", 3);
        return parts.length == 3 && parts[0].equals("sha256")
                && Digests.constantTimeEquals(parts[2], Digests.sha256Hex(parts[1] + ":" + candidate));
    }
}
