package org.keywarden.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void aHashOfFewerIterationsIsOutdated() {
        assertTrue(PasswordHashes.isOutdated("PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA=="));
        assertFalse(PasswordHashes.isOutdated("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA=="));
        assertTrue(PasswordHashes.isOutdated("PBKDF2WithHmacSHA1:600000:c2FsdA==:aGFzaA=="), "another algorithm");
    }

    @Test
    void whatIsNoHashIsNeitherOutdatedNorVerifiable() {
        assertFalse(PasswordHashes.isOutdated("!directory"));
        assertFalse(PasswordHashes.isOutdated(null));
        assertEquals(-1, PasswordHashes.iterationsOf("!directory"), "a directory user's placeholder");
        assertEquals(-1, PasswordHashes.iterationsOf("PBKDF2WithHmacSHA256:many:c2FsdA==:aGFzaA=="));
        assertEquals(600_000, PasswordHashes.iterationsOf("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA=="));
    }
}
