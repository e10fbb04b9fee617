package org.keywarden.agent.api;

/** A device API call failed: the server answered with an error, or could not be reached. */
public class DeviceApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceApiException(String message) {
        super(message);
    }

    public DeviceApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
