package org.keywarden.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.settings.control.StoredSettings;
import org.keywarden.settings.entity.Setting;

/**
 * Moves every stored secret to the certificate new values are sealed to, one record per transaction,
 * without downtime. The job's state is kept in the database: a job that was running when the server
 * stopped (or was killed) resumes at the next start, and progress is counted from the records
 * themselves, so it is right whatever happened. Every node that starts while the job is running resumes
 * it: the nodes share the records (each moved under its row lock) and the job ends once ({@link FinishRewrap}).
 * An optional limit of records per second (per node) spares a busy database.
 */
@Singleton
@Startup
@DependsOn("InstallationCertificates") // which depends on SchemaMigrations and EncryptionAtRest; Payara rejects a diamond of @DependsOn as a cycle
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RewrapJob {

    private static final Logger LOG = Logger.getLogger(RewrapJob.class.getName());
    static final String STATE = "encryption.rewrap.state";
    static final String STARTED = "encryption.rewrap.started";
    static final String RUNNING = "RUNNING";
    private static final int BATCH = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    StoredSettings settings;

    @Inject
    SealedRecords records;

    @Inject
    RewrapRecord rewrap;

    @Inject
    FinishRewrap finish;

    @Inject
    SecretCodec codec;

    @Inject
    EncryptionAtRest encryption;

    @Inject
    AuditTrail audit;

    private volatile Future<?> running;
    private volatile boolean cancelRequested;
    private volatile boolean stopping;
    private volatile Instant runStart;
    private volatile Instant runEnd;
    private final AtomicLong moved = new AtomicLong();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void resumeAfterRestart() {
        if (!encryption.isPlainText() && settings.get(STATE).map(Setting::getValue).orElse("").equals(RUNNING)) {
            LOG.info("Resuming the re-wrap of stored secrets that was running when the server stopped");
            launch(limit());
        }
    }

    /** The server stops or the application is undeployed: the loop ends, the stored state stays (it resumes). */
    @PreDestroy
    void stopForShutdown() {
        stopping = true;
        awaitStop();
    }

    public RewrapProgress start(Caller caller, Integer limitPerSecond) {
        if (encryption.isPlainText()) {
            throw new IllegalStateException("Encryption is off (KEYWARDEN_ENCRYPTION=none); nothing to re-wrap to");
        }
        settings.set(STARTED, limitPerSecond == null ? "0" : limitPerSecond.toString(), caller.actor());
        settings.set(STATE, RUNNING, caller.actor());
        audit.record(AuditRecord.success(caller, "ENCRYPTION_REWRAP_STARTED", null).withDetail("to certificate "
                + codec.sealingCertificate() + (limitPerSecond == null ? "" : ", at most " + limitPerSecond + "/s")));
        launch(limitPerSecond);
        return progress();
    }

    public RewrapProgress cancel(Caller caller) {
        cancelRequested = true;
        settings.set(STATE, "CANCELLED", caller.actor());
        audit.record(AuditRecord.success(caller, "ENCRYPTION_REWRAP_CANCELLED", null)
                .withDetail(moved.get() + " record(s) moved by this node before the cancellation"));
        awaitStop();
        return progress();
    }

    public RewrapProgress progress() {
        String target = codec.sealingCertificate();
        long total = records.total();
        long remaining = encryption.isPlainText() ? 0 : records.notSealedWith(target);
        Optional<Setting> started = settings.get(STARTED);
        Instant since = runStart;
        double rate = 0;
        if (since != null) {
            Instant until = runEnd != null ? runEnd : Instant.now();
            double seconds = Math.max(0.001, Duration.between(since, until).toMillis() / 1000.0);
            rate = moved.get() / seconds;
        }
        Long eta = rate > 0 ? (long) Math.ceil(remaining / rate) : null;
        return new RewrapProgress(settings.get(STATE).map(Setting::getValue).orElse("IDLE"), target, total,
                total - remaining, remaining, Math.round(rate * 10) / 10.0, eta,
                started.map(Setting::getChangedAt).orElse(null), started.map(Setting::getChangedBy).orElse(null),
                limit(), failed.stream().sorted().limit(20).toList());
    }

    /** Whether the job is still wanted: a cancellation on any node stops the loops of every node. */
    private boolean stillRequested() {
        return settings.get(STATE).map(Setting::getValue).orElse("").equals(RUNNING);
    }

    private Integer limit() {
        int limit = settings.get(STARTED).map(s -> Integer.parseInt(s.getValue())).orElse(0);
        return limit > 0 ? limit : null;
    }

    private synchronized void launch(Integer limitPerSecond) {
        if (running != null && !running.isDone()) {
            return;
        }
        cancelRequested = false;
        failed.clear();
        moved.set(0);
        runStart = Instant.now();
        runEnd = null;
        running = executor.submit(() -> {
            try {
                run(limitPerSecond);
            } finally {
                runEnd = Instant.now();
            }
        });
    }

    private void awaitStop() {
        Future<?> job = running;
        if (job != null) {
            try {
                job.get(30, TimeUnit.SECONDS);
            } catch (Exception stillRunningOrFailed) {
                // progress() tells what was done
            }
        }
    }

    private void run(Integer limitPerSecond) {
        long pauseMillis = limitPerSecond == null || limitPerSecond <= 0 ? 0 : 1000L / limitPerSecond;
        try {
            while (!cancelRequested && !stopping && stillRequested()) {
                String target = codec.sealingCertificate();
                boolean progressed = pass(records.keysNotSealedWith(target, BATCH + failed.size()), "key:",
                        id -> () -> rewrap.recoveryKey(id), pauseMillis);
                if (!progressed) {
                    progressed = pass(records.tpmOwnersNotSealedWith(target, BATCH + failed.size()), "tpm:",
                            id -> () -> rewrap.tpmOwnerInfo(id), pauseMillis);
                }
                if (!progressed) {
                    break;
                }
            }
            if (!cancelRequested && !stopping) {
                finish.ifStillRunning(codec.sealingCertificate(), moved.get(), failed.size());
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info("The re-wrap stops with the application; it resumes at the next start");
            } else {
                LOG.severe(() -> "The re-wrap stopped: " + e + "; start it again to resume");
            }
        }
    }

    /** Moves each record of one batch; whether any record was there to move. */
    private boolean pass(List<String> ids, String kind, java.util.function.Function<String, Supplier<Boolean>> move,
                         long pauseMillis) throws InterruptedStop {
        boolean any = false;
        for (String id : ids) {
            if (cancelRequested || stopping) {
                return false;
            }
            if (failed.contains(kind + id)) {
                continue;
            }
            any = true;
            try {
                if (move.apply(id).get()) {
                    moved.incrementAndGet();
                }
            } catch (SealedValueIntegrityException e) {
                failed.add(kind + id);
                LOG.severe(() -> "Re-wrap: cannot open " + kind + id + ": " + e.getMessage());
            }
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedStop();
                }
            }
        }
        return any;
    }

    /** The server is stopping the job's thread. */
    private static final class InterruptedStop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
