package org.keywarden.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceTokensTest {

    @Test
    void tokensCarryAtLeast256RandomBits() {
        String token = DeviceTokens.generate();
        assertTrue(Base64.getUrlDecoder().decode(token).length >= 32);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(DeviceTokens.generate()), "a token repeated");
        }
    }

    @Test
    void hashIsStableHexAndHidesTheToken() {
        String token = DeviceTokens.generate();
        String hash = DeviceTokens.hash(token);
        assertEquals(hash, DeviceTokens.hash(token));
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertFalse(hash.contains(token));
        assertNotEquals(hash, DeviceTokens.hash(token + "x"));
    }

    @Test
    void hashIsDomainSeparatedFromAPlainSha256() {
        String token = DeviceTokens.generate();
        assertNotEquals(Digests.sha256Hex(token), DeviceTokens.hash(token));
    }
}
