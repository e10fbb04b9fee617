package org.keywarden.audit.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.keywarden.audit.entity.AuditEvent;
import org.keywarden.audit.entity.AuditHead;
import org.keywarden.crypto.control.Digests;

/**
 * Appends events to the audit trail inside the caller's transaction, so an event is stored exactly
 * when the change it describes is. The head row is locked, which orders events across nodes.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    public void record(AuditRecord record) {
        AuditHead head = em.find(AuditHead.class, AuditHead.THE_HEAD, LockModeType.PESSIMISTIC_WRITE);
        long id = head.getLastEventId() + 1;
        AuditEvent event = new AuditEvent(id, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                fit(record.caller().actor(), 300), fit(record.caller().sourceAddress(), 64), record.action(),
                record.outcome(), record.deviceId(), record.volumeGuid(), record.recoveryKeyId(),
                fit(record.reason(), 1000), fit(record.detail(), 1000));
        String hash = hashOf(event, head.getLastHash());
        event.chain(head.getLastHash(), hash);
        em.persist(event);
        head.advance(id, hash);
    }

    /**
     * Records an event in a transaction of its own, committed whatever happens to the caller's: for
     * refused or failed attempts, whose own transaction is about to roll back or has nothing to commit.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(AuditRecord record) {
        record(record);
    }

    /** Client-supplied text can be longer than its column: an event is shortened, never refused. */
    static String fit(String text, int columnLength) {
        return text == null || text.length() <= columnLength ? text : text.substring(0, columnLength - 1) + "\u2026";
    }

    /** SHA-256 over every field, each length-prefixed so that no two events share a canonical form. */
    static String hashOf(AuditEvent e, String previousHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : new Object[] {e.getId(), e.getOccurredAt(), e.getActor(), e.getSourceAddress(),
                e.getAction(), e.getOutcome(), e.getDeviceId(), e.getVolumeGuid(), e.getRecoveryKeyId(),
                e.getReason(), e.getDetail(), previousHash}) {
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append('|');
        }
        return Digests.sha256Hex(canonical.toString());
    }
}
