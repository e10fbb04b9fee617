package org.keywarden.agent.state;

/**
 * A rotation in progress: a new recovery password protector was added to replace an old one, and
 * the old one stays until the server has acknowledged the new key.
 *
 * @param volumeId         the volume
 * @param oldRecoveryKeyId the protector being replaced
 * @param newRecoveryKeyId its replacement
 */
public record PendingReplacement(String volumeId, String oldRecoveryKeyId, String newRecoveryKeyId) {
}
