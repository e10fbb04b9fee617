package org.keywarden.escrow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The TPM owner authorization hash a device last reported (sealed; never printed). */
@Entity
@Table(name = "tpm_owner_info")
@NamedQuery(name = TpmOwnerInfo.NOT_SEALED_WITH, query = "SELECT t.deviceId FROM TpmOwnerInfo t "
        + "WHERE t.sealedWith IS NULL OR t.sealedWith <> :fingerprint ORDER BY t.deviceId")
@NamedQuery(name = TpmOwnerInfo.COUNT_NOT_SEALED_WITH, query = "SELECT COUNT(t) FROM TpmOwnerInfo t "
        + "WHERE t.sealedWith IS NULL OR t.sealedWith <> :fingerprint")
@NamedQuery(name = TpmOwnerInfo.COUNT_SEALED_WITH,
        query = "SELECT COUNT(t) FROM TpmOwnerInfo t WHERE t.sealedWith = :fingerprint")
@NamedQuery(name = TpmOwnerInfo.COUNT, query = "SELECT COUNT(t) FROM TpmOwnerInfo t")
public class TpmOwnerInfo {

    public static final String NOT_SEALED_WITH = "TpmOwnerInfo.notSealedWith";
    public static final String COUNT_NOT_SEALED_WITH = "TpmOwnerInfo.countNotSealedWith";
    public static final String COUNT_SEALED_WITH = "TpmOwnerInfo.countSealedWith";
    public static final String COUNT = "TpmOwnerInfo.count";

    @Id
    @Column(name = "device_id", length = 36)
    private String deviceId;

    @Column(name = "owner_auth_hash", nullable = false)
    private byte[] sealedOwnerAuthHash;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "sealed_with", length = 64)
    private String sealedWith;

    protected TpmOwnerInfo() {
    }

    public TpmOwnerInfo(String deviceId) {
        this.deviceId = deviceId;
    }

    /** Keeps the report unless it is older than the one already stored; returns whether it was kept. */
    public boolean offer(byte[] sealedOwnerAuthHash, String sealedWith, Instant reportedAt, Instant receivedAt) {
        if (this.reportedAt != null && reportedAt.isBefore(this.reportedAt)) {
            return false;
        }
        this.sealedOwnerAuthHash = sealedOwnerAuthHash;
        this.sealedWith = sealedWith;
        this.reportedAt = reportedAt;
        this.receivedAt = receivedAt;
        return true;
    }

    public String getDeviceId() { return deviceId; }
    public byte[] getSealedOwnerAuthHash() { return sealedOwnerAuthHash; }
    public Instant getReportedAt() { return reportedAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getSealedWith() { return sealedWith; }

    /** Replaces the sealed hash, e.g. when it is moved to a newer encryption certificate. */
    public void reseal(byte[] ownerAuthHash, String with) {
        this.sealedOwnerAuthHash = ownerAuthHash;
        this.sealedWith = with;
    }

    @Override
    public String toString() {
        return "TpmOwnerInfo[" + deviceId + "]";
    }
}
