package org.keywarden.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final VerifiedPasswords verified = new VerifiedPasswords(new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    });

    @Test
    void knowsOnlyTheExactPairItWasTold() {
        verified.remember("correct horse".toCharArray(), "hash-A");
        assertTrue(verified.contains("correct horse".toCharArray(), "hash-A"));
        assertFalse(verified.contains("correct horsE".toCharArray(), "hash-A"), "another password");
        assertFalse(verified.contains("correct horse".toCharArray(), "hash-B"), "the password set again: a new salt");
        assertFalse(verified.contains("".toCharArray(), "hash-A"));
    }

    @Test
    void partsCannotBeShiftedBetweenHashAndPassword() {
        verified.remember("bc".toCharArray(), "a");
        assertFalse(verified.contains("c".toCharArray(), "ab"));
    }

    @Test
    void forgetsAfterItsLifetime() {
        verified.remember("pw".toCharArray(), "hash");
        now = now.plus(VerifiedPasswords.LIFETIME).minusSeconds(1);
        assertTrue(verified.contains("pw".toCharArray(), "hash"));
        now = now.plusSeconds(1);
        assertFalse(verified.contains("pw".toCharArray(), "hash"));
        assertEquals(0, verified.size(), "an expired entry is dropped when met");
    }

    @Test
    void staysBoundedAndMakesRoomFromExpiredEntries() {
        for (int i = 0; i < VerifiedPasswords.MAX_ENTRIES + 50; i++) {
            verified.remember(("pw" + i).toCharArray(), "hash");
        }
        assertEquals(VerifiedPasswords.MAX_ENTRIES, verified.size());
        assertFalse(verified.contains(("pw" + (VerifiedPasswords.MAX_ENTRIES + 10)).toCharArray(), "hash"),
                "a full memo remembers nothing more; the password is simply checked again");
        now = now.plus(VerifiedPasswords.LIFETIME).plusSeconds(1);
        verified.remember("late".toCharArray(), "hash");
        assertEquals(1, verified.size());
        assertTrue(verified.contains("late".toCharArray(), "hash"));
    }
}
