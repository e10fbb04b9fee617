package org.keywarden.selfservice.control;

/** Why a user recovers their own drive (the self-service portal's list of MBAM and Configuration Manager, plus Other). */
public enum SelfServiceReason {
    BIOS_OR_TPM_CHANGED,
    OS_FILES_MODIFIED,
    LOST_PIN_OR_PASSPHRASE,
    /** Needs a free-text reason. */
    OTHER
}
