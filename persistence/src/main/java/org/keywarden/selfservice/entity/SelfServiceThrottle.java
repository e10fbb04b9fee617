package org.keywarden.selfservice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.keywarden.identity.entity.FailureWindow;

/** Failed self-service lookups of one signed-in user within the current window, and until when they are locked. */
@Entity
@Table(name = "self_service_throttle")
public class SelfServiceThrottle extends FailureWindow {

    @Id
    @Column(name = "username_key", length = 256)
    private String usernameKey;

    protected SelfServiceThrottle() {
    }

    public SelfServiceThrottle(String usernameKey, Instant now) {
        super(now);
        this.usernameKey = usernameKey;
    }
}
