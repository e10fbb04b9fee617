package org.keywarden.cli.api;

import java.util.List;

/**
 * {@code GET /api/v1/admin/encryption}: encryption at rest, its keystore, certificates, the last
 * backup confirmation and the server's warnings. {@code json} is the answer as received.
 *
 * @param mode               {@code cms} or {@code none}
 * @param backupConfirmedFor fingerprint of the certificate whose keystore backup was confirmed, or {@code null}
 */
public record EncryptionReport(String mode, String keystore, boolean generatedKeystore,
                               List<CertificateInfo> certificates, String backupConfirmedFor,
                               String backupConfirmedAt, String backupConfirmedBy, List<String> warnings,
                               String json) {
    public EncryptionReport {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
