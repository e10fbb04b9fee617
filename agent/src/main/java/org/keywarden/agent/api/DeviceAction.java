package org.keywarden.agent.api;

/**
 * Something the server asks the device to do.
 *
 * @param type          {@link #ESCROW_RECOVERY_KEY}, {@link #ROTATE_RECOVERY_KEY}, or a type this
 *                      agent does not know
 * @param volumeId      the volume
 * @param recoveryKeyId the recovery key (protector) concerned
 */
public record DeviceAction(String type, String volumeId, String recoveryKeyId) {
    /** The device has a recovery password protector whose key the server does not have. */
    public static final String ESCROW_RECOVERY_KEY = "ESCROW_RECOVERY_KEY";
    /** The key was disclosed (or must be replaced): add a new one, escrow it, remove the old one. */
    public static final String ROTATE_RECOVERY_KEY = "ROTATE_RECOVERY_KEY";
}
