package org.keywarden.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationMixTest {

    @Test
    void parsesWeights() {
        OperationMix mix = OperationMix.parse(" checkin = 9 , escrow=1");
        assertEquals(1, mix.weight(Operation.ESCROW));
        assertEquals(9, mix.weight(Operation.CHECKIN));
        assertEquals(0, mix.weight(Operation.ENROLL));
        assertEquals("escrow=1,checkin=9", mix.toString(), "canonical order");
        assertTrue(mix.needsDevices());
        assertFalse(OperationMix.parse("enroll=1").needsDevices());
    }

    @Test
    void healthNeedsNoDevice() {
        OperationMix health = OperationMix.parse("health=1");
        assertEquals(1, health.weight(Operation.HEALTH));
        assertFalse(health.needsDevices());
        assertTrue(health.healthOnly());
        assertTrue(OperationMix.parse("health=1,escrow=0").healthOnly(), "a zero weight does not count");
        assertFalse(OperationMix.parse("health=1,enroll=1").healthOnly());
        assertTrue(OperationMix.parse("health=1,checkin=1").needsDevices());
        assertFalse(OperationMix.parse("escrow=1").healthOnly());
        assertEquals(Operation.HEALTH, Operation.ofLabel("health"));
        assertTrue(Operation.HEALTH.succeeded(200));
        assertFalse(Operation.HEALTH.succeeded(503));
    }

    @Test
    void picksByWeight() {
        OperationMix mix = OperationMix.parse("escrow=1,checkin=9,enroll=0");
        SplittableRandom random = new SplittableRandom(42);
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        for (int i = 0; i < 100_000; i++) {
            counts.merge(mix.pick(random), 1, Integer::sum);
        }
        assertEquals(0, counts.getOrDefault(Operation.ENROLL, 0));
        assertEquals(10_000, counts.get(Operation.ESCROW), 600);
        assertEquals(90_000, counts.get(Operation.CHECKIN), 600);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "escrow", "escrow=", "=1", "escrow=x", "escrow=-1", "escrow=0",
        "escrow=1,escrow=2", "rotate=1", "escrow=1,", "escrow=1.5"})
    void rejectsBadMixes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OperationMix.parse(text));
        assertFalse(e.getMessage().isBlank());
    }
}
