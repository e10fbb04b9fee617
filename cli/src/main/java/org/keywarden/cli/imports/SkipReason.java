package org.keywarden.cli.imports;

/** Why {@link ActiveDirectoryKeys} left a {@code msFVE-RecoveryInformation} object out of the rows it read. */
public enum SkipReason {
    /** No recovery password: none is stored, or the bind account may not read this confidential attribute. */
    NO_RECOVERY_PASSWORD("without msFVE-RecoveryPassword (none stored, or the bind account may not read this"
            + " confidential attribute)"),
    /** No recovery GUID (the recovery key ID). */
    NO_RECOVERY_GUID("without msFVE-RecoveryGuid"),
    /** The recovery or volume GUID is not 16 bytes. */
    MALFORMED_GUID("with a msFVE-RecoveryGuid or msFVE-VolumeGuid that is not a 16-byte GUID"),
    /** The parent object, the computer, has neither {@code cn} nor {@code dNSHostName}, or cannot be read. */
    NO_COMPUTER_NAME("whose parent (the computer) has neither cn nor dNSHostName, or cannot be read");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    /** What the skipped objects lack, to follow "N recovery objects ...". */
    public String description() {
        return description;
    }
}
