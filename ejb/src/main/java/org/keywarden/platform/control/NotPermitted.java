package org.keywarden.platform.control;

import jakarta.ejb.ApplicationException;

/** The caller's roles do not allow this (403); the message says which right is missing, never data. */
@ApplicationException(rollback = true)
public class NotPermitted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotPermitted(String message) {
        super(message, null, false, false);
    }
}
