package org.keywarden.audit.control;

import org.keywarden.audit.entity.Outcome;

/** What to record about one attempt. {@code detail} is free text and must never hold a secret. */
public record AuditRecord(Caller caller, String action, Outcome outcome, String deviceId, String volumeGuid,
                          String recoveryKeyId, String reason, String detail) {

    public static AuditRecord success(Caller caller, String action, String deviceId) {
        return new AuditRecord(caller, action, Outcome.SUCCESS, deviceId, null, null, null, null);
    }

    public static AuditRecord failure(Caller caller, String action, String deviceId, String detail) {
        return new AuditRecord(caller, action, Outcome.FAILURE, deviceId, null, null, null, detail);
    }

    public AuditRecord withKey(String volumeGuid, String recoveryKeyId) {
        return new AuditRecord(caller, action, outcome, deviceId, volumeGuid, recoveryKeyId, reason, detail);
    }

    public AuditRecord withDetail(String newDetail) {
        return new AuditRecord(caller, action, outcome, deviceId, volumeGuid, recoveryKeyId, reason, newDetail);
    }
}
