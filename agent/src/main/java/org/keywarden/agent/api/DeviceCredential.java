package org.keywarden.agent.api;

import java.util.Objects;

/**
 * A device id and its bearer token. The token is secret; {@link #toString()} leaves it out.
 *
 * @param deviceId the server-assigned device id
 * @param token    the device token returned at enrollment
 */
public record DeviceCredential(String deviceId, String token) {
    public DeviceCredential {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "DeviceCredential[deviceId=" + deviceId + ", token=(hidden)]";
    }
}
