package org.keywarden.cli.imports;

/**
 * Reading keys from Active Directory failed (the connection, TLS, the bind or a search); the message names what
 * failed and never holds a password or a key.
 */
public final class ActiveDirectoryException extends Exception {
    private static final long serialVersionUID = 1L;

    ActiveDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
