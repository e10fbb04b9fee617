package org.keywarden.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Small text formats of the human output: fingerprints, times, percentages, rates, durations. */
final class Formats {
    static final int FINGERPRINT_DIGITS = 16;
    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT);

    private Formats() {
    }

    /** The first 16 hex digits and an ellipsis ({@code 3fa2b1c4d5e6f708…}); "-" for none. */
    static String fingerprint(String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank()) {
            return "-";
        }
        return fingerprint.length() <= FINGERPRINT_DIGITS ? fingerprint
                : fingerprint.substring(0, FINGERPRINT_DIGITS) + "…";
    }

    /** An RFC 3339 time as {@code 2025-01-31 14:05Z} (UTC); unparseable text as is; "-" for none. */
    static String time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return "-";
        }
        try {
            return OffsetDateTime.parse(rfc3339).atZoneSameInstant(ZoneOffset.UTC).format(UTC_MINUTES);
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
    }

    /** {@code done/total} in percent with one decimal ({@code 24.7%}); never 100.0% before the end. */
    static String percent(long done, long total) {
        if (total <= 0) {
            return "100.0%";
        }
        BigDecimal p = BigDecimal.valueOf(done).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        if (done < total && p.compareTo(BigDecimal.valueOf(999, 1)) > 0) {
            p = BigDecimal.valueOf(999, 1);
        }
        return p.toPlainString() + "%";
    }

    /** A rate with one decimal: {@code 38.2}. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /**
     * A duration for an ETA: {@code 42s}, {@code 1m39s}, {@code 2h05m}, {@code 3d04h} (the two
     * largest units, the second one padded to two digits).
     */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + two(s % 60) + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h" + two(s % 3600 / 60) + "m";
        }
        return s / 86_400 + "d" + two(s % 86_400 / 3600) + "h";
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
