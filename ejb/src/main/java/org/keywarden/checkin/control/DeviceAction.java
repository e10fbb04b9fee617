package org.keywarden.checkin.control;

/** Something the device must do: rotate a disclosed key, or escrow a key the server lacks. */
public record DeviceAction(String type, String volumeId, String recoveryKeyId) {

    public static final String ROTATE_RECOVERY_KEY = "ROTATE_RECOVERY_KEY";
    public static final String ESCROW_RECOVERY_KEY = "ESCROW_RECOVERY_KEY";
}
