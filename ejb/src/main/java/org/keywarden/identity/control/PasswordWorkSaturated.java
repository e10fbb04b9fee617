package org.keywarden.identity.control;

import jakarta.ejb.ApplicationException;

/** More password checks are in flight than this node does at once; the caller is asked to retry (429). */
@ApplicationException
public class PasswordWorkSaturated extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PasswordWorkSaturated() {
        super("Too many password checks in flight", null, false, false);
    }
}
