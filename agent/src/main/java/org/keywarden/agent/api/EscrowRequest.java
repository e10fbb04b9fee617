package org.keywarden.agent.api;

import java.util.Objects;

/**
 * Body of {@code POST /api/v1/devices/{deviceId}/recovery-keys}. The recovery password and key
 * package are left out of {@link #toString()}.
 *
 * @param volumeId         volume GUID
 * @param volumeType       {@code OS}, {@code FIXED} or {@code REMOVABLE}
 * @param driveLetter      for example {@code C:}, or {@code null}
 * @param recoveryKeyId    the recovery password protector's GUID
 * @param recoveryPassword the 48-digit recovery password
 * @param keyPackage       base64 key package, or {@code null}
 * @param replaces         the recovery key id this key replaces (rotation), or {@code null}
 */
public record EscrowRequest(String volumeId, String volumeType, String driveLetter, String recoveryKeyId,
                            String recoveryPassword, String keyPackage, String replaces) {
    public EscrowRequest {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(volumeType, "volumeType");
        Objects.requireNonNull(recoveryKeyId, "recoveryKeyId");
        Objects.requireNonNull(recoveryPassword, "recoveryPassword");
    }

    @Override
    public String toString() {
        return "EscrowRequest[volumeId=" + volumeId + ", volumeType=" + volumeType + ", driveLetter=" + driveLetter
                + ", recoveryKeyId=" + recoveryKeyId + ", replaces=" + replaces
                + ", recoveryPassword=(hidden), keyPackage=" + (keyPackage == null ? "none" : "(hidden)") + "]";
    }
}
