package org.keywarden.audit.control;

import org.keywarden.audit.entity.Outcome;

/**
 * What to record about one attempt. {@code detail} is free text and must never hold a secret;
 * {@code endUser} is the user a key was recovered for, when one was named.
 */
public record AuditRecord(Caller caller, String action, Outcome outcome, String deviceId, String volumeGuid,
                          String recoveryKeyId, String reason, String detail, String endUser) {

    public AuditRecord(Caller caller, String action, Outcome outcome, String deviceId, String volumeGuid,
                       String recoveryKeyId, String reason, String detail) {
        this(caller, action, outcome, deviceId, volumeGuid, recoveryKeyId, reason, detail, null);
    }

    public static AuditRecord success(Caller caller, String action, String deviceId) {
        return new AuditRecord(caller, action, Outcome.SUCCESS, deviceId, null, null, null, null);
    }

    public static AuditRecord failure(Caller caller, String action, String deviceId, String detail) {
        return new AuditRecord(caller, action, Outcome.FAILURE, deviceId, null, null, null, detail);
    }

    public AuditRecord withKey(String newVolumeGuid, String newRecoveryKeyId) {
        return new AuditRecord(caller, action, outcome, deviceId, newVolumeGuid, newRecoveryKeyId, reason, detail, endUser);
    }

    public AuditRecord withDetail(String newDetail) {
        return new AuditRecord(caller, action, outcome, deviceId, volumeGuid, recoveryKeyId, reason, newDetail, endUser);
    }

    public AuditRecord withEndUser(String name) {
        return new AuditRecord(caller, action, outcome, deviceId, volumeGuid, recoveryKeyId, reason, detail, name);
    }

    /** The same attempt, failed for the reason given (appended to the detail). */
    public AuditRecord failed(String why) {
        return new AuditRecord(caller, action, Outcome.FAILURE, deviceId, volumeGuid, recoveryKeyId, reason,
                detail == null ? why : detail + "; " + why, endUser);
    }
}
