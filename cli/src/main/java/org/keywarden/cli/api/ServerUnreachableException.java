package org.keywarden.cli.api;

/** No HTTP answer at all: connection refused, unknown host, TLS failure, timeout, interrupted. */
public class ServerUnreachableException extends AdminApiException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
