package org.keywarden.cli.api;

/** {@code POST /admin/encryption/backup-confirmation}: the certificate whose keystore backup was confirmed. */
public record BackupConfirmation(String confirmedFor, String json) {
}
