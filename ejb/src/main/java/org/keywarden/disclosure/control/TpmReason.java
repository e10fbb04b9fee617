package org.keywarden.disclosure.control;

/** Why a helpdesk needs a device's TPM owner authorization (MBAM's and Configuration Manager's list, plus Other). */
public enum TpmReason {
    RESET_PIN_LOCKOUT,
    TURN_ON_TPM,
    TURN_OFF_TPM,
    CHANGE_TPM_PASSWORD,
    CLEAR_TPM,
    /** Needs a free-text reason. */
    OTHER
}
