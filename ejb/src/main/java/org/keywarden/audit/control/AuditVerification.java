package org.keywarden.audit.control;

import java.time.Instant;

/**
 * What a verification of the audit trail found: how many events, whether every chain is unbroken and
 * agrees with the newest checkpoint, and if not the first broken event and what is wrong with it.
 */
public record AuditVerification(long events, boolean intact, Long firstBrokenEventId, String problem,
                                Instant checkpointAt, Boolean checkpointSigned) {
}
