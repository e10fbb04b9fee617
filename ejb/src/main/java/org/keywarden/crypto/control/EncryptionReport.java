package org.keywarden.crypto.control;

import java.time.Instant;
import java.util.List;

/** How secrets are kept at rest, which certificates there are, and what an administrator must do. */
public record EncryptionReport(String mode, String keystore, boolean generatedKeystore, List<Certificate> certificates,
                               String backupConfirmedFor, Instant backupConfirmedAt, String backupConfirmedBy,
                               List<String> warnings) {

    /**
     * One encryption certificate; {@code encrypts} marks the newest, the one new values are sealed to;
     * {@code records} counts the records sealed to it (0: it can be retired, unless it is the newest).
     */
    public record Certificate(String fingerprint, String subject, Instant notBefore, Instant notAfter,
                              boolean encrypts, long records) {
    }
}
