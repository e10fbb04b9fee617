package org.keywarden.platform.control;

import jakarta.ejb.ApplicationException;

/** The request clashes with what is stored (409): a name taken, the last administrator. Nothing was changed. */
@ApplicationException(rollback = true)
public class Conflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
