package org.keywarden.device.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user principal associated with a device, as the agent or an administrator reported it. */
@Entity
@Table(name = "device_user")
@NamedQuery(name = DeviceUser.OF_DEVICE, query = "SELECT u FROM DeviceUser u WHERE u.deviceId = :deviceId")
public class DeviceUser {

    public static final String OF_DEVICE = "DeviceUser.ofDevice";

    @Id
    @Column(name = "device_user_id", length = 36)
    private String id;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(name = "principal", nullable = false, length = 256)
    private String principal;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 16)
    private UserSource source;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected DeviceUser() {
    }

    public DeviceUser(String id, String deviceId, String principal, UserSource source, Instant seenAt) {
        this.id = id;
        this.deviceId = deviceId;
        this.principal = principal;
        this.source = source;
        this.firstSeenAt = seenAt;
        this.lastSeenAt = seenAt;
    }

    public String getId() { return id; }
    public String getDeviceId() { return deviceId; }
    public String getPrincipal() { return principal; }
    public UserSource getSource() { return source; }
    public Instant getFirstSeenAt() { return firstSeenAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    /** How stale lastSeenAt may get: a device checks in every 90 minutes by default, and each refresh is a row write. */
    public static final java.time.Duration LAST_SEEN_RESOLUTION = java.time.Duration.ofHours(1);

    /** Seen again at {@code at}: lastSeenAt moves when it is {@link #LAST_SEEN_RESOLUTION} or more behind. */
    public void seenAgain(Instant at) {
        if (lastSeenAt == null || !at.isBefore(lastSeenAt.plus(LAST_SEEN_RESOLUTION))) {
            this.lastSeenAt = at;
        }
    }
}
