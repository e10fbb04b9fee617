package org.keywarden.agent.api;

/** No HTTP answer: connection refused, TLS failure, timeout, interrupted. */
public class ServerUnreachableException extends DeviceApiException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
