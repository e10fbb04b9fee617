package org.keywarden.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audit event. Events are only ever inserted; each carries the hash of its predecessor and its
 * own hash over its fields, so a removed or altered event breaks its chain (one of
 * {@link AuditHead#CHAINS}). Details never hold a secret.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(name = "event_id")
    private long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 300)
    private String actor;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16)
    private Outcome outcome;

    @Column(name = "device_id", length = 36)
    private String deviceId;

    @Column(name = "volume_guid", length = 36)
    private String volumeGuid;

    @Column(name = "recovery_key_id", length = 36)
    private String recoveryKeyId;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "detail", length = 1000)
    private String detail;

    @Column(name = "chain_id", nullable = false)
    private int chainId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", length = 32)
    private AuditSource source;

    @Column(name = "end_user", length = 256)
    private String endUser;

    /** 1: the first canonical form (migrations before V6); 2: also chain id, source and end user. */
    @Column(name = "hash_version", nullable = false)
    private int hashVersion;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "event_hash", nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(long id, Instant occurredAt, String actor, String sourceAddress, String action, Outcome outcome,
                      String deviceId, String volumeGuid, String recoveryKeyId, String reason, String detail) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.sourceAddress = sourceAddress;
        this.action = action;
        this.outcome = outcome;
        this.deviceId = deviceId;
        this.volumeGuid = volumeGuid;
        this.recoveryKeyId = recoveryKeyId;
        this.reason = reason;
        this.detail = detail;
    }

    /** Where the request came from, and the end user it was for (null: none named). */
    public void origin(AuditSource from, String forEndUser) {
        this.source = from;
        this.endUser = forEndUser;
    }

    /** Links this event into chain {@code chainId}, after the event whose hash is {@code previousHash}. */
    public void chain(int chainId, String previousHash, int version, String hash) {
        this.chainId = chainId;
        this.previousHash = previousHash;
        this.hashVersion = version;
        this.hash = hash;
    }

    /** Before it is hashed: the chain it goes to. */
    public void inChain(int chain) {
        this.chainId = chain;
    }

    public long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getSourceAddress() { return sourceAddress; }
    public String getAction() { return action; }
    public Outcome getOutcome() { return outcome; }
    public String getDeviceId() { return deviceId; }
    public String getVolumeGuid() { return volumeGuid; }
    public String getRecoveryKeyId() { return recoveryKeyId; }
    public String getReason() { return reason; }
    public String getDetail() { return detail; }
    public int getChainId() { return chainId; }
    public AuditSource getSource() { return source; }
    public String getEndUser() { return endUser; }
    public int getHashVersion() { return hashVersion; }
    public String getPreviousHash() { return previousHash; }
    public String getHash() { return hash; }
}
