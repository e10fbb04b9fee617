package org.keywarden.agent.state;

import java.time.Instant;

/**
 * A recovery key the server acknowledged (HTTP 200 or 201).
 *
 * @param recoveryKeyId the protector id
 * @param volumeId      its volume
 * @param escrowedAt    when the server said it stored it ({@code null} if it did not say)
 */
public record EscrowedKey(String recoveryKeyId, String volumeId, Instant escrowedAt) {
}
