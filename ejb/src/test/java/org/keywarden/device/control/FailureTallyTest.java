package org.keywarden.device.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailureTallyTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final FailureTally tally = new FailureTally();

    @Test
    void theFirstFailureIsAuditedTheLimitThrottlesTheRestAreCounted() {
        assertEquals(FailureTally.Verdict.FIRST, tally.fail("192.0.2.1", T0, 3, WINDOW));
        assertEquals(FailureTally.Verdict.COUNTED, tally.fail("192.0.2.1", T0, 3, WINDOW));
        assertTrue(tally.throttled("192.0.2.1", T0, 3, WINDOW).isEmpty(), "two of three: not yet");
        assertEquals(FailureTally.Verdict.THROTTLED_NOW, tally.fail("192.0.2.1", T0, 3, WINDOW));
        assertEquals(Duration.ofMinutes(4), tally.throttled("192.0.2.1", T0.plus(Duration.ofMinutes(6)), 3, WINDOW).get());
        assertTrue(tally.throttled("192.0.2.2", T0, 3, WINDOW).isEmpty(), "another address is not throttled");
        assertEquals(FailureTally.Verdict.COUNTED, tally.fail("192.0.2.1", T0.plusSeconds(1), 3, WINDOW));
        assertTrue(tally.throttled("192.0.2.1", T0.plus(WINDOW), 3, WINDOW).isEmpty(), "the window ended");
    }

    @Test
    void aWindowWithUnauditedFailuresIsSummedUpOnceWhenItEnds() {
        for (int i = 0; i < 7; i++) {
            tally.fail("192.0.2.1", T0, 3, WINDOW);
        }
        tally.fail("192.0.2.2", T0, 3, WINDOW);
        assertEquals(List.of(), tally.drain(T0.plusSeconds(599), 3, WINDOW), "nothing has ended yet");
        List<FailureTally.Closed> closed = tally.drain(T0.plus(WINDOW), 3, WINDOW);
        assertEquals(List.of(new FailureTally.Closed("192.0.2.1", T0, T0.plus(WINDOW), 7, 5)), closed,
                "7 failures, of which the first and the third were audited; 192.0.2.2 had only its audited one");
        assertEquals(List.of(), tally.drain(T0.plus(WINDOW).plusSeconds(60), 3, WINDOW), "reported once");
        assertEquals(0, tally.sources());
    }

    @Test
    void aFailureAfterTheWindowStartsANewOneAndTheOldIsStillReported() {
        tally.fail("192.0.2.1", T0, 2, WINDOW);
        tally.fail("192.0.2.1", T0, 2, WINDOW);
        tally.fail("192.0.2.1", T0, 2, WINDOW);
        assertEquals(FailureTally.Verdict.FIRST, tally.fail("192.0.2.1", T0.plus(WINDOW), 2, WINDOW));
        assertEquals(List.of(new FailureTally.Closed("192.0.2.1", T0, T0.plus(WINDOW), 3, 1)),
                tally.drain(T0.plus(WINDOW), 2, WINDOW));
    }

    @Test
    void concurrentFailuresAreEachCountedOnceWithOneFirstAndOneThrottle() throws InterruptedException {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger throttledNow = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8000; i++) {
            pool.execute(() -> {
                switch (tally.fail("192.0.2.9", T0, 100, WINDOW)) {
                    case FIRST -> first.incrementAndGet();
                    case THROTTLED_NOW -> throttledNow.incrementAndGet();
                    case COUNTED -> { }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, first.get());
        assertEquals(1, throttledNow.get());
        assertEquals(7998, tally.drain(T0.plus(WINDOW), 100, WINDOW).get(0).counted());
    }
}
