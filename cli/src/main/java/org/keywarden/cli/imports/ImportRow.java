package org.keywarden.cli.imports;

/**
 * One key to import, as {@code POST /api/v1/admin/imports} takes it. Holds a secret: {@link #toString()}
 * leaves the recovery password and the key package out.
 *
 * @param hostname         computer name (required)
 * @param domain           its domain, or null
 * @param recoveryKeyId    the recovery key ID (key protector GUID, as the source gives it)
 * @param volumeId         the volume GUID, or null where the source has none (Entra ID)
 * @param volumeType       {@code OS}, {@code FIXED}, {@code REMOVABLE}, or null if unknown
 * @param recoveryPassword the 48-digit recovery password (secret)
 * @param keyPackage       the key package in base64 (secret), or null
 * @param createdAt        when the source stored the key (RFC 3339), or null
 */
public record ImportRow(String hostname, String domain, String recoveryKeyId, String volumeId, String volumeType,
                        String recoveryPassword, String keyPackage, String createdAt) {

    @Override
    public String toString() {
        return "ImportRow[hostname=" + hostname + ", domain=" + domain + ", recoveryKeyId=" + recoveryKeyId
                + ", volumeId=" + volumeId + ", volumeType=" + volumeType + ", createdAt=" + createdAt + "]";
    }
}
