package org.keywarden.escrow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An escrowed recovery key. The password and key package are held only in sealed form (see the
 * secret codec); this class never prints them.
 */
@Entity
@Table(name = "recovery_key")
@NamedQuery(name = RecoveryKey.SUMMARIES_OF_DEVICE, query = "SELECT NEW org.keywarden.escrow.entity.KeySummary("
        + "k.recoveryKeyId, k.volumeId, k.state, k.rotationRequestedAt) FROM RecoveryKey k WHERE k.deviceId = :deviceId")
@NamedQuery(name = RecoveryKey.ROTATION_PENDING_OF_DEVICE,
        query = "SELECT k FROM RecoveryKey k WHERE k.deviceId = :deviceId AND k.rotationRequestedAt IS NOT NULL")
@NamedQuery(name = RecoveryKey.NOT_SEALED_WITH, query = "SELECT k.recoveryKeyId FROM RecoveryKey k "
        + "WHERE k.sealedWith IS NULL OR k.sealedWith <> :fingerprint ORDER BY k.recoveryKeyId")
@NamedQuery(name = RecoveryKey.COUNT_NOT_SEALED_WITH, query = "SELECT COUNT(k) FROM RecoveryKey k "
        + "WHERE k.sealedWith IS NULL OR k.sealedWith <> :fingerprint")
@NamedQuery(name = RecoveryKey.COUNT_SEALED_WITH,
        query = "SELECT COUNT(k) FROM RecoveryKey k WHERE k.sealedWith = :fingerprint")
@NamedQuery(name = RecoveryKey.COUNT, query = "SELECT COUNT(k) FROM RecoveryKey k")
public class RecoveryKey {

    public static final String NOT_SEALED_WITH = "RecoveryKey.notSealedWith";
    public static final String COUNT_NOT_SEALED_WITH = "RecoveryKey.countNotSealedWith";
    public static final String COUNT_SEALED_WITH = "RecoveryKey.countSealedWith";
    public static final String COUNT = "RecoveryKey.count";
    public static final String SUMMARIES_OF_DEVICE = "RecoveryKey.summariesOfDevice";
    public static final String ROTATION_PENDING_OF_DEVICE = "RecoveryKey.rotationPendingOfDevice";

    @Id
    @Column(name = "recovery_key_id", length = 36)
    private String recoveryKeyId;

    @Column(name = "key_id_prefix", nullable = false, length = 8)
    private String keyIdPrefix;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(name = "volume_id", nullable = false, length = 36)
    private String volumeId;

    @Column(name = "recovery_password", nullable = false)
    private byte[] sealedRecoveryPassword;

    @Column(name = "key_package")
    private byte[] sealedKeyPackage;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private KeyState state;

    @Column(name = "escrowed_at", nullable = false)
    private Instant escrowedAt;

    @Column(name = "disclosed_at")
    private Instant disclosedAt;

    @Column(name = "rotation_requested_at")
    private Instant rotationRequestedAt;

    @Column(name = "superseded_by", length = 36)
    private String supersededBy;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "verified_removed_at")
    private Instant verifiedRemovedAt;

    @Column(name = "sealed_with", length = 64)
    private String sealedWith;

    protected RecoveryKey() {
    }

    public RecoveryKey(String recoveryKeyId, String deviceId, String volumeId, byte[] sealedRecoveryPassword,
                       byte[] sealedKeyPackage, String sealedWith, Instant escrowedAt) {
        this.recoveryKeyId = recoveryKeyId;
        this.keyIdPrefix = recoveryKeyId.substring(0, 8);
        this.deviceId = deviceId;
        this.volumeId = volumeId;
        this.sealedRecoveryPassword = sealedRecoveryPassword;
        this.sealedKeyPackage = sealedKeyPackage;
        this.sealedWith = sealedWith;
        this.escrowedAt = escrowedAt;
        this.state = KeyState.ACTIVE;
    }

    /** The device replaced this key with {@code newKeyId}; any pending rotation is thereby done. */
    public void supersede(String newKeyId, Instant at) {
        this.state = KeyState.SUPERSEDED;
        this.supersededBy = newKeyId;
        this.supersededAt = at;
        this.rotationRequestedAt = null;
    }

    /** The device's status no longer lists this superseded key's protector. */
    public void verifyRemoved(Instant at) {
        this.state = KeyState.VERIFIED_REMOVED;
        this.verifiedRemovedAt = at;
    }

    /**
     * Shown to someone: the key must be rotated. A superseded key keeps its state, but its protector may
     * still be on the disk (the device has not reported it gone): it is asked to be rotated too, until the
     * device replaces it or its status shows it removed.
     */
    public void disclose(Instant at) {
        disclosedAt = at;
        if (state == KeyState.ACTIVE) {
            state = KeyState.DISCLOSED;
            requestRotation(at);
        } else if (state == KeyState.SUPERSEDED) {
            requestRotation(at);
        }
    }

    public void requestRotation(Instant at) {
        if (rotationRequestedAt == null) {
            rotationRequestedAt = at;
        }
    }

    public String getRecoveryKeyId() { return recoveryKeyId; }
    public String getKeyIdPrefix() { return keyIdPrefix; }
    public String getDeviceId() { return deviceId; }
    public String getVolumeId() { return volumeId; }
    public byte[] getSealedRecoveryPassword() { return sealedRecoveryPassword; }
    public byte[] getSealedKeyPackage() { return sealedKeyPackage; }
    public KeyState getState() { return state; }
    public Instant getEscrowedAt() { return escrowedAt; }
    public Instant getDisclosedAt() { return disclosedAt; }
    public Instant getRotationRequestedAt() { return rotationRequestedAt; }
    public String getSupersededBy() { return supersededBy; }
    public Instant getSupersededAt() { return supersededAt; }
    public Instant getVerifiedRemovedAt() { return verifiedRemovedAt; }
    public String getSealedWith() { return sealedWith; }

    /** Replaces the sealed values, e.g. when they are moved to a newer encryption certificate. */
    public void reseal(byte[] recoveryPassword, byte[] keyPackage, String with) {
        this.sealedRecoveryPassword = recoveryPassword;
        this.sealedKeyPackage = keyPackage;
        this.sealedWith = with;
    }

    @Override
    public String toString() {
        return "RecoveryKey[" + recoveryKeyId + ", " + state + "]";
    }
}
