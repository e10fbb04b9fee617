package org.keywarden.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed sign-ins of one user name within the current window, and until when the name is locked.
 * Kept for names that exist and names that do not alike, so that a lockout tells nothing about either.
 */
@Entity
@Table(name = "sign_in_throttle")
public class SignInThrottle extends FailureWindow {

    @Id
    @Column(name = "username_key", length = 256)
    private String usernameKey;

    protected SignInThrottle() {
    }

    public SignInThrottle(String usernameKey, Instant now) {
        super(now);
        this.usernameKey = usernameKey;
    }

    public String getUsernameKey() { return usernameKey; }
}
