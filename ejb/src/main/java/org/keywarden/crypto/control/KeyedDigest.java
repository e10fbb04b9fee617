package org.keywarden.crypto.control;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a random key that exists only in this object's memory: a digest of secret input
 * that is useful only to this process (to recognise a value again) and to nobody who reads it elsewhere.
 */
public final class KeyedDigest {

    private final SecretKeySpec key;

    private KeyedDigest(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** A digest under 256 fresh random bits. */
    public static KeyedDigest withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new KeyedDigest(key);
    }

    /** The digest of the parts, each length-prefixed so that no two sequences of parts share an input. */
    public String of(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(new byte[] {(byte) (part.length >>> 24), (byte) (part.length >>> 16),
                        (byte) (part.length >>> 8), (byte) part.length});
                mac.update(part);
            }
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
