package org.keywarden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durations() {
        assertEquals("0s", Formats.duration(0));
        assertEquals("59s", Formats.duration(59));
        assertEquals("1m00s", Formats.duration(60));
        assertEquals("1m39s", Formats.duration(99));
        assertEquals("59m59s", Formats.duration(3599));
        assertEquals("1h00m", Formats.duration(3600));
        assertEquals("2h05m", Formats.duration(2 * 3600 + 5 * 60 + 59));
        assertEquals("1d01h", Formats.duration(90_061));
        assertEquals("0s", Formats.duration(-5));
    }

    @Test
    void percentages() {
        assertEquals("24.7%", Formats.percent(1234, 5000));
        assertEquals("0.0%", Formats.percent(0, 5000));
        assertEquals("99.9%", Formats.percent(99_999, 100_000));
        assertEquals("100.0%", Formats.percent(5000, 5000));
        assertEquals("33.3%", Formats.percent(1, 3));
    }

    @Test
    void ratesFingerprintsAndTimes() {
        assertEquals("38.2", Formats.rate(38.2));
        assertEquals("12.5", Formats.rate(12.5));
        assertEquals("0.0", Formats.rate(0));
        assertEquals("3fa2b1c4d5e6f708…", Formats.fingerprint("3fa2b1c4d5e6f708" + "0".repeat(48)));
        assertEquals("-", Formats.fingerprint(null));
        assertEquals("2025-03-01 09:15Z", Formats.time("2025-03-01T10:15:30+01:00"));
        assertEquals("soon", Formats.time("soon"));
        assertEquals("-", Formats.time(null));
    }
}
