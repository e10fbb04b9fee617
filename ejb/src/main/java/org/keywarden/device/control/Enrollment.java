package org.keywarden.device.control;

/** A new device's id and its bearer token, which exists only in this answer. */
public record Enrollment(String deviceId, String deviceToken) {

    @Override
    public String toString() {
        return "Enrollment[" + deviceId + "]";
    }
}
