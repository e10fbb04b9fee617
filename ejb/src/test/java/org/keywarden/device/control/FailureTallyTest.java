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
import org.keywarden.device.control.FailureTally.Verdict;

class FailureTallyTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final FailureTally tally = new FailureTally();

    private Verdict fail(String source, Instant at, int limit) {
        return tally.fail(source, at, limit, WINDOW).verdict();
    }

    @Test
    void theFirstFailureIsAuditedTheLimitThrottlesTheRestAreRefused() {
        assertEquals(Verdict.FIRST, fail("192.0.2.1", T0, 3));
        assertEquals(Verdict.COUNTED, fail("192.0.2.1", T0, 3));
        assertEquals(Verdict.THROTTLED_NOW, fail("192.0.2.1", T0, 3));
        FailureTally.Counted refused = tally.fail("192.0.2.1", T0.plus(Duration.ofMinutes(6)), 3, WINDOW);
        assertEquals(Verdict.REFUSED, refused.verdict());
        assertEquals(Duration.ofMinutes(4), refused.windowLeft());
        assertEquals(Verdict.FIRST, fail("192.0.2.2", T0, 3), "another address counts on its own");
        assertEquals(Verdict.FIRST, fail("192.0.2.1", T0.plus(WINDOW), 3), "a new window");
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertEquals(Verdict.FIRST, fail("2001:db8:1:2::1", T0, 3));
        assertEquals(Verdict.COUNTED, fail("2001:db8:1:2:ffff::9", T0, 3), "the same /64");
        assertEquals(Verdict.FIRST, fail("2001:db8:1:3::1", T0, 3), "another /64");
        assertEquals("2001:db8:1:2::/64", FailureTally.prefixOf("2001:0db8:0001:0002:0:0:0:1"));
        assertEquals("192.0.2.1", FailureTally.prefixOf("192.0.2.1"));
    }

    @Test
    void aWindowWithUnauditedFailuresIsSummedUpOnceWhenItEnds() {
        for (int i = 0; i < 7; i++) {
            fail("192.0.2.1", T0, 3);
        }
        fail("192.0.2.2", T0, 3);
        assertEquals(List.of(), tally.drain(T0.plusSeconds(599), 3, WINDOW), "nothing has ended yet");
        List<FailureTally.Closed> closed = tally.drain(T0.plus(WINDOW), 3, WINDOW);
        assertEquals(List.of(new FailureTally.Closed("192.0.2.1", T0, T0.plus(WINDOW), 7, 5)), closed,
                "7 failures, of which the first and the third were audited; 192.0.2.2 had only its audited one");
        assertEquals(List.of(), tally.drain(T0.plus(WINDOW).plusSeconds(60), 3, WINDOW), "reported once");
        assertEquals(0, tally.sources());
    }

    @Test
    void aFailureAfterTheWindowStartsANewOneAndTheOldIsStillReported() {
        fail("192.0.2.1", T0, 2);
        fail("192.0.2.1", T0, 2);
        fail("192.0.2.1", T0, 2);
        assertEquals(Verdict.FIRST, fail("192.0.2.1", T0.plus(WINDOW), 2));
        assertEquals(List.of(new FailureTally.Closed("192.0.2.1", T0, T0.plus(WINDOW), 3, 1)),
                tally.drain(T0.plus(WINDOW), 2, WINDOW));
    }

    @Test
    void concurrentFailuresAreEachCountedOnceWithOneFirstAndOneThrottle() throws InterruptedException {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger throttledNow = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8000; i++) {
            pool.execute(() -> {
                switch (fail("192.0.2.9", T0, 100)) {
                    case FIRST -> first.incrementAndGet();
                    case THROTTLED_NOW -> throttledNow.incrementAndGet();
                    case REFUSED -> refused.incrementAndGet();
                    case COUNTED -> { }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, first.get());
        assertEquals(1, throttledNow.get());
        assertEquals(7900, refused.get());
        assertEquals(7998, tally.drain(T0.plus(WINDOW), 100, WINDOW).get(0).counted());
    }
}
