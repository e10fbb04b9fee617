package org.keywarden.disclosure.control;

/** Why a helpdesk recovers a drive (MBAM's and Configuration Manager's list, plus Other). */
public enum DriveUnlockReason {
    OS_BOOT_ORDER_CHANGED,
    BIOS_CHANGED,
    OS_FILES_MODIFIED,
    LOST_STARTUP_KEY,
    LOST_PIN,
    TPM_RESET,
    LOST_PASSPHRASE,
    LOST_SMART_CARD,
    /** Needs a free-text reason. */
    OTHER
}
