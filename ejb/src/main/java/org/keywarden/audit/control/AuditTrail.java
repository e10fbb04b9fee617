package org.keywarden.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.keywarden.audit.entity.AuditEvent;
import org.keywarden.audit.entity.AuditHead;

/**
 * Appends events to the audit trail inside the caller's transaction, so an event is stored exactly
 * when the change it describes is. The trail is {@link AuditHead#CHAINS} hash chains: an event goes to
 * the chain of its device (or, without one, of its actor), and every later event of the same
 * transaction to that same chain, so a transaction locks one head row and two transactions cannot
 * deadlock over heads. Events of different devices no longer wait for each other.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @jakarta.inject.Inject
    org.keywarden.metrics.control.MetricsRegistry metrics;

    public void record(AuditRecord record) {
        Integer chain = (Integer) transaction.getResource(AuditTrail.class);
        if (chain == null) {
            chain = chainOf(record);
            transaction.putResource(AuditTrail.class, chain);
        }
        AuditHead head = em.find(AuditHead.class, chain, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent event = event(record, head.getChainId(), head.nextEventId(), head.getLastHash(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        em.persist(event);
        head.advance(event.getId(), event.getHash());
        metrics.countAfterCommit(transaction, "keywarden_audit_events_total",
                "action", record.action(), "outcome", record.outcome().name());
    }

    /**
     * Records an event in a transaction of its own, committed whatever happens to the caller's: for
     * refused or failed attempts, whose own transaction is about to roll back or has nothing to commit.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(AuditRecord record) {
        record(record);
    }

    /** The chain an event goes to: its device's, or without one its actor's. */
    static int chainOf(AuditRecord record) {
        return AuditHead.chainFor(record.deviceId() != null ? record.deviceId() : record.caller().actor());
    }

    /** The event {@code record} describes, as event {@code id} of {@code chain} after {@code previousHash}, hashed. */
    static AuditEvent event(AuditRecord record, int chain, long id, String previousHash, Instant at) {
        AuditEvent event = new AuditEvent(id, at, fit(record.caller().actor(), 300),
                fit(record.caller().sourceAddress(), 64), record.action(), record.outcome(), record.deviceId(),
                record.volumeGuid(), record.recoveryKeyId(), fit(record.reason(), 1000), fit(record.detail(), 1000));
        event.origin(record.caller().source(), fit(record.endUser(), 256));
        event.inChain(chain);
        String hash = AuditHashes.of(event, AuditHashes.CURRENT, previousHash);
        event.chain(chain, previousHash, AuditHashes.CURRENT, hash);
        return event;
    }

    /** Client-supplied text can be longer than its column: an event is shortened, never refused. */
    static String fit(String text, int columnLength) {
        return text == null || text.length() <= columnLength ? text : text.substring(0, columnLength - 1) + "\u2026";
    }
}
