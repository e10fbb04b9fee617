package org.keywarden.agent.api;

/**
 * A key protector in a status report.
 *
 * @param id   protector GUID
 * @param type for example {@code RECOVERY_PASSWORD} or {@code TPM}
 */
public record ProtectorStatus(String id, String type) {
}
