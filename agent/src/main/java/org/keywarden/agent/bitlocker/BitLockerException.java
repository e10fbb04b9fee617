package org.keywarden.agent.bitlocker;

/** A BitLocker operation failed, for example because the volume or protector does not exist. */
public class BitLockerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BitLockerException(String message) {
        super(message);
    }

    public BitLockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
