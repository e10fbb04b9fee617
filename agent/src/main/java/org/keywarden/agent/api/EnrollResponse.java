package org.keywarden.agent.api;

/**
 * Answer to a successful enrollment (201). The token is left out of {@link #toString()}.
 *
 * @param deviceId    the server-assigned device id
 * @param deviceToken the device's bearer token, shown once
 */
public record EnrollResponse(String deviceId, String deviceToken) {

    /** The credential for the other device endpoints. */
    public DeviceCredential credential() {
        return new DeviceCredential(deviceId, deviceToken);
    }

    @Override
    public String toString() {
        return "EnrollResponse[deviceId=" + deviceId + ", deviceToken=(hidden)]";
    }
}
