package org.keywarden.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins of one user name within the current window, and until when the name is locked.
 * Kept for names that exist and names that do not alike, so that a lockout tells nothing about either.
 */
@Entity
@Table(name = "sign_in_throttle")
public class SignInThrottle {

    @Id
    @Column(name = "username_key", length = 256)
    private String usernameKey;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected SignInThrottle() {
    }

    public SignInThrottle(String usernameKey, Instant now) {
        this.usernameKey = usernameKey;
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

    public String getUsernameKey() { return usernameKey; }
    public int getFailures() { return failures; }
    public Instant getLockedUntil() { return lockedUntil; }
}
