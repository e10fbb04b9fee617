package org.keywarden.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;

/**
 * Failures of one user name within the current window, and until when the name is locked: the state
 * behind the sign-in lockout and the self-service lookup lockout alike.
 */
@MappedSuperclass
public abstract class FailureWindow {

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected FailureWindow() {
    }

    protected FailureWindow(Instant now) {
        this.windowStartedAt = now;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one failure; a failure outside the window starts a new one. Whether this failure locks the
     * name (reaching {@code limit} within {@code window}), for {@code lockFor} from now.
     */
    public boolean fail(Instant now, int limit, Duration window, Duration lockFor) {
        if (!now.isBefore(windowStartedAt.plus(window)) || (lockedUntil != null && !now.isBefore(lockedUntil))) {
            failures = 0;
            windowStartedAt = now;
            lockedUntil = null;
        }
        failures++;
        if (failures >= limit) {
            lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    public int getFailures() { return failures; }
    public Instant getLockedUntil() { return lockedUntil; }
}
