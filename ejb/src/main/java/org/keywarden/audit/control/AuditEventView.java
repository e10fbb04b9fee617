package org.keywarden.audit.control;

import java.time.Instant;

/** One audit event as the recovery audit lists it (protocol.md's field names); never holds a secret. */
public record AuditEventView(long id, Instant at, String actor, String source, String action, String outcome,
                             String deviceId, String volumeId, String recoveryKeyId, String endUser, String reason,
                             String detail, String remoteAddress) {
}
