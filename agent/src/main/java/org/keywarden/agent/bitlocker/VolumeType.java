package org.keywarden.agent.bitlocker;

/** BitLocker volume type as the device API names it. */
public enum VolumeType {
    /** The operating system volume. */
    OS,
    /** A fixed data volume. */
    FIXED,
    /** A removable data volume (BitLocker To Go). */
    REMOVABLE
}
