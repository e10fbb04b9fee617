package org.keywarden.platform.control;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** Too many failed requests from one source: refused (429) for {@link #retryAfter()}; nothing was changed. */
@ApplicationException(rollback = true)
public class TooManyRequests extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole seconds, at least 1. */
    public long retryAfter() {
        return retryAfterSeconds;
    }
}
