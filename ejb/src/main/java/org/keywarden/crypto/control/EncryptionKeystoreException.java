package org.keywarden.crypto.control;

/** The encryption keystore is missing, unreadable, locked with another password or holds no usable key. */
public class EncryptionKeystoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EncryptionKeystoreException(String message) {
        super(message);
    }

    EncryptionKeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
