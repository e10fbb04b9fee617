package org.keywarden.agent.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the device told the server when it enrolled, and what the server assigned. No secret.
 *
 * @param deviceId     server-assigned device id
 * @param serverUrl    the server the device enrolled with
 * @param hostname     host name
 * @param domain       domain, or {@code null}
 * @param serialNumber serial number, or {@code null}
 * @param osVersion    OS version, or {@code null}
 * @param users        associated users ({@code DOMAIN\name})
 * @param enrolledAt   when the server accepted the enrollment
 */
public record DeviceIdentity(String deviceId, String serverUrl, String hostname, String domain,
                             String serialNumber, String osVersion, List<String> users, Instant enrolledAt) {
    public DeviceIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        users = users == null ? List.of() : List.copyOf(users);
    }
}
