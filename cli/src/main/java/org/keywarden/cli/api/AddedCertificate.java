package org.keywarden.cli.api;

/** {@code POST /admin/encryption/certificates}: the new certificate, which now encrypts new values. */
public record AddedCertificate(String fingerprint, String json) {
}
