package org.keywarden.platform.control;

import jakarta.ejb.ApplicationException;

/** What the request names does not exist (404): a device, a user. Nothing was changed. */
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
