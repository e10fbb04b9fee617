package org.keywarden.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --watch [SECONDS]}, shared by {@code rewrap status} and {@code rewrap start}. */
final class WatchOption {
    static final String DEFAULT_SECONDS = "2";

    @Option(names = "--watch", arity = "0..1", paramLabel = "SECONDS", fallbackValue = DEFAULT_SECONDS,
            description = "Repeat every SECONDS (default " + DEFAULT_SECONDS + ", decimals allowed) until the job"
                    + " is no longer RUNNING; then exit 0 if it is DONE without failed records, else 2.")
    Double seconds;

    boolean enabled() {
        return seconds != null;
    }

    /** The interval, or {@code null} when it is not a positive number of seconds up to an hour. */
    Duration interval() {
        if (seconds == null || seconds.isNaN() || seconds <= 0 || seconds > 3600) {
            return null;
        }
        return Duration.ofNanos(Math.max(1_000_000L, (long) (seconds * 1e9)));
    }
}
