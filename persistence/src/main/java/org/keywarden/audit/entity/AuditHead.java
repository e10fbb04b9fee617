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
@Table(name = "audit_chain_head")
public class AuditHead {

    /** How many chains, fixed by the migrations (head rows 1 to 8). */
    public static final int CHAINS = 8;

    @Id
    @Column(name = "chain_id")
    private int chainId;

    /** The id cursor: the chain's next event gets this plus {@link #CHAINS}. */
    @Column(name = "id_cursor", nullable = false)
    private long idCursor;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    /** The chain for an event keyed by {@code key} (a device id or an actor): 1 to {@link #CHAINS}. */
    public static int chainFor(String key) {
        return 1 + Math.floorMod(key == null ? 0 : key.hashCode(), CHAINS);
    }

    /** The id after {@code cursor} in the cursor's chain. */
    public static long nextEventId(long cursor) {
        return cursor + CHAINS;
    }

    public int getChainId() { return chainId; }
    public String getLastHash() { return lastHash; }
    public long getIdCursor() { return idCursor; }

    /**
     * The id of this chain's next event. Refuses a cursor outside the chain's ids (a head written by
     * anything but this code), rather than hand out an id of another chain.
     */
    public long nextEventId() {
        return nextEventId(chainId, idCursor);
    }

    /** As {@link #nextEventId()}, for a head row read without this entity. */
    public static long nextEventId(int chainId, long idCursor) {
        if (Math.floorMod(idCursor, CHAINS) != chainId % CHAINS) {
            throw new IllegalStateException("Audit chain " + chainId + " has the id cursor " + idCursor
                    + ", which is not one of its ids: its head row was changed outside Keywarden");
        }
        return nextEventId(idCursor);
    }

    public void advance(long eventId, String hash) {
        this.idCursor = eventId;
        this.lastHash = hash;
    }
}
