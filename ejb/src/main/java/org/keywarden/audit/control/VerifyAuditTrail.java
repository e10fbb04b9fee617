package org.keywarden.audit.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.keywarden.audit.entity.AuditEvent;
import org.keywarden.audit.entity.AuditHead;
import org.keywarden.identity.control.Roles;

/**
 * Proves the audit trail unbroken: every event of every chain hashes to its stored hash and links to its
 * predecessor, every head points at its chain's newest event, and the heads of every signed checkpoint
 * kept (7 days) are still there with the same hashes (so newest events deleted and a head rewound, or
 * events rewritten with consistent hashes, are found too). A checkpoint whose certificate was retired
 * since (or one written while encryption was off) cannot be checked for forgery but is still compared:
 * a forged one can only raise a false alarm. Names the first broken event.
 */
@Stateless
@RolesAllowed({Roles.REPORT_VIEWER, Roles.ADMIN})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class VerifyAuditTrail {

    static final String GENESIS = "0".repeat(64);
    static final int BATCH = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditCheckpoints checkpoints;

    public AuditVerification verify() {
        Findings findings = new Findings();
        for (int chain = 1; chain <= AuditHead.CHAINS; chain++) {
            verifyChain(chain, findings);
        }
        List<Checkpoint> kept = checkpoints.kept();
        Boolean newestSigned = null;
        for (Checkpoint checkpoint : kept) {
            boolean signed = checkpoints.isSigned(checkpoint);
            newestSigned = newestSigned == null ? signed : newestSigned;
            compare(checkpoint, signed, findings);
        }
        return new AuditVerification(findings.events, findings.firstBroken == null && findings.problem == null,
                findings.firstBroken, findings.problem, kept.isEmpty() ? null : kept.get(0).at(), newestSigned);
    }

    private void verifyChain(int chain, Findings findings) {
        String previous = GENESIS;
        long lastId = Long.MIN_VALUE;
        while (true) {
            List<AuditEvent> batch = em.createQuery("SELECT e FROM AuditEvent e WHERE e.chainId = :chain "
                            + "AND e.id > :after ORDER BY e.id", AuditEvent.class)
                    .setParameter("chain", chain).setParameter("after", lastId).setMaxResults(BATCH).getResultList();
            for (AuditEvent event : batch) {
                findings.events++;
                if (!previous.equals(event.getPreviousHash())) {
                    findings.broken(event.getId(), "event " + event.getId() + " is not linked to its predecessor in "
                            + "chain " + chain + " (an event before it was removed or altered)");
                } else if (!AuditHashes.of(event, event.getHashVersion(), event.getPreviousHash()).equals(event.getHash())) {
                    findings.broken(event.getId(), "event " + event.getId() + " was altered: it does not hash to its "
                            + "stored hash");
                }
                previous = event.getHash();
                lastId = event.getId();
            }
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, chain);
        boolean empty = lastId == Long.MIN_VALUE;
        if (head == null || !head.getLastHash().equals(previous) || (!empty && head.getIdCursor() != lastId)) {
            findings.broken(empty ? null : lastId, "the head of chain " + chain + " does not point at its newest event");
        }
    }

    private void compare(Checkpoint checkpoint, boolean signed, Findings findings) {
        if (!signed && checkpoints.isSignedWithKnownCertificate(checkpoint)) {
            findings.problem("the checkpoint of " + checkpoint.at() + " was altered: its signature is not valid");
        }
        for (Checkpoint.Head head : checkpoint.chains()) {
            if (GENESIS.equals(head.lastHash())) {
                continue;
            }
            AuditEvent event = em.find(AuditEvent.class, head.lastEventId());
            if (event == null || event.getChainId() != head.chain() || !event.getHash().equals(head.lastHash())) {
                findings.broken(head.lastEventId(), "event " + head.lastEventId() + " of chain " + head.chain()
                        + (event == null ? " is missing" : " was rewritten") + " since the checkpoint of "
                        + checkpoint.at());
            }
        }
    }

    /** The first broken event (the lowest id) and what is wrong with it. */
    static final class Findings {
        long events;
        Long firstBroken;
        String problem;

        void broken(Long eventId, String what) {
            if (problem == null || (eventId != null && (firstBroken == null || eventId < firstBroken))) {
                firstBroken = eventId;
                problem = what;
            }
        }

        void problem(String what) {
            if (problem == null) {
                problem = what;
            }
        }
    }
}
