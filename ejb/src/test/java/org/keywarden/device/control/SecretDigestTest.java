package org.keywarden.device.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretDigestTest {

    private static final String SECRET = "an-enrollment-secret-of-24+";

    @Test
    void theSecretMatchesItsDigestAndNothingElseDoes() {
        String digest = SecretDigest.of(SECRET);
        assertTrue(SecretDigest.matches(digest, SECRET));
        assertFalse(SecretDigest.matches(digest, SECRET + "x"));
        assertFalse(SecretDigest.matches(digest, ""));
        assertFalse(digest.contains(SECRET), "the digest does not hold the secret");
    }

    @Test
    void eachDigestHasItsOwnSalt() {
        assertNotEquals(SecretDigest.of(SECRET), SecretDigest.of(SECRET));
    }

    @Test
    void aMalformedDigestMatchesNothing() {
        for (String stored : new String[] {"", "sha256", "sha256:salt", "md5:salt:" + "0".repeat(64), SECRET}) {
            assertFalse(SecretDigest.matches(stored, SECRET), stored);
        }
    }
}
