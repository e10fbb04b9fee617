package org.keywarden.agent.windows;

import org.keywarden.agent.bitlocker.BitLockerException;

/** PowerShell could not be started, ran out of time, or printed what the agent cannot read. */
public class PowerShellException extends BitLockerException {
    private static final long serialVersionUID = 1L;

    public PowerShellException(String message) {
        super(message);
    }

    public PowerShellException(String message, Throwable cause) {
        super(message, cause);
    }
}
