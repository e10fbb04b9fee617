package org.keywarden.metrics.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.keywarden.audit.control.AuditCheckpoints;
import org.keywarden.health.control.CheckReadiness;
import org.keywarden.identity.control.Roles;

/**
 * The metrics text of this node for a scraper signed in as a report viewer or administrator: its counters
 * and latency histograms, and gauges read at the scrape (the installation-wide rotation backlog at most
 * once a minute, as it counts rows; the database pool as the server reports it).
 */
@Stateless
@RolesAllowed({Roles.REPORT_VIEWER, Roles.ADMIN})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReadMetrics {

    private static final Duration BACKLOG_KEPT = Duration.ofMinutes(1);
    private static volatile long backlog = -1;
    private static volatile Instant backlogAt = Instant.EPOCH;

    @Inject
    MetricsRegistry registry;

    @Inject
    CheckReadiness readiness;

    @Inject
    AuditCheckpoints checkpoints;

    @PersistenceContext
    EntityManager em;

    public String prometheusText() {
        PrometheusText text = new PrometheusText();
        registry.writeTo(text);
        text.sample("keywarden_rotation_backlog", "", rotationBacklog());
        text.sample("keywarden_audit_checkpoint_age_seconds", "", checkpoints.newestAt()
                .map(at -> (double) Math.max(0, Duration.between(at, Instant.now()).toSeconds())).orElse(-1.0));
        DatabasePoolUse.read().ifPresent(pool -> {
            text.sample("keywarden_db_pool_connections", "state=\"in_use\"", pool.inUse());
            text.sample("keywarden_db_pool_connections", "state=\"idle\"", pool.idle());
            text.sample("keywarden_db_pool_max_connections", "", pool.max());
            text.sample("keywarden_db_pool_waits_total", "", pool.waits());
        });
        text.sample("keywarden_ready", "", readiness.check().ready() ? 1 : 0);
        return text.toString();
    }

    private long rotationBacklog() {
        Instant now = Instant.now();
        if (backlog < 0 || now.isAfter(backlogAt.plus(BACKLOG_KEPT))) {
            backlog = em.createQuery("SELECT COUNT(k) FROM RecoveryKey k WHERE k.rotationRequestedAt IS NOT NULL", Long.class)
                    .getSingleResult();
            backlogAt = now;
        }
        return backlog;
    }
}
