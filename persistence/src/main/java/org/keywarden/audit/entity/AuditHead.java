package org.keywarden.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The head of one of the audit trail's {@link #CHAINS} hash chains: the hash of the chain's newest
 * event, and the chain's id cursor. Appending to a chain locks its head, so the chain stays unbroken
 * across nodes; chain {@code c} hands out the ids congruent to {@code c} modulo {@link #CHAINS}, so ids
 * are unique across chains (migration V4 made one chain into eight).
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    /** How many chains, fixed by the migrations (head rows 1 to 8). */
    public static final int CHAINS = 8;

    @Id
    @Column(name = "head_id")
    private int id;

    /** The id cursor: the chain's next event gets this plus {@link #CHAINS}. */
    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    /** The chain this head belongs to for an event keyed by {@code key} (a device id or an actor): 1 to {@link #CHAINS}. */
    public static int chainFor(String key) {
        return 1 + Math.floorMod(key == null ? 0 : key.hashCode(), CHAINS);
    }

    public int getChainId() { return id; }
    public long nextEventId() { return lastEventId + CHAINS; }
    public String getLastHash() { return lastHash; }

    public void advance(long eventId, String hash) {
        this.lastEventId = eventId;
        this.lastHash = hash;
    }
}
