package org.keywarden.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that points at the newest audit event. Appending locks it, so events from every
 * node get consecutive ids and an unbroken chain.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final int THE_HEAD = 1;

    @Id
    @Column(name = "head_id")
    private int id;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    public long getLastEventId() { return lastEventId; }
    public String getLastHash() { return lastHash; }

    public void advance(long eventId, String hash) {
        this.lastEventId = eventId;
        this.lastHash = hash;
    }
}
