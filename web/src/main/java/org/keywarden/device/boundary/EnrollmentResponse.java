package org.keywarden.device.boundary;

/** The answer to an enrollment; the token is shown this once. */
public record EnrollmentResponse(String deviceId, String deviceToken) {

    @Override
    public String toString() {
        return "EnrollmentResponse[" + deviceId + "]";
    }
}
