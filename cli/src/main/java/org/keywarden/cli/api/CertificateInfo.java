package org.keywarden.cli.api;

/**
 * One encryption certificate as {@code GET /admin/encryption} lists it. Times are kept as the
 * server sent them (RFC 3339), or {@code null}.
 *
 * @param fingerprint SHA-256 of the certificate, 64 lower-case hex digits
 * @param encrypts    whether new values are sealed to this certificate (the newest one)
 * @param records     how many stored records are sealed to it
 */
public record CertificateInfo(String fingerprint, String subject, String notBefore, String notAfter,
                              boolean encrypts, long records) {
}
