package org.keywarden.device.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.platform.control.TooManyRequests;

/**
 * Unauthenticated device failures (wrong enrollment secrets, invalid device tokens) per source address,
 * so that a flood neither writes an audit row per request nor contends on one audit chain: the first
 * failure of a source in a window is audited as it is, reaching {@link KeywardenSettings#deviceFailureLimit()}
 * is audited once and makes every further failure of that kind from the source a 429 until the window
 * ends (right secrets and valid tokens from it are still served), and a window with failures beyond those is summed up in one counted event when it ends (checked
 * every minute). Per node, in memory: two nodes each count and report what they saw.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeviceFailures {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DeviceFailures.class.getName());

    /** The kinds of failure, each counted on its own. */
    public enum Kind {
        ENROLLMENT("DEVICE_ENROLL", "wrong enrollment secrets"),
        TOKEN("DEVICE_TOKEN_REFUSED", "requests with an invalid device token");

        final String action;
        final String what;

        Kind(String action, String what) {
            this.action = action;
            this.what = what;
        }
    }

    @Inject
    KeywardenSettings settings;

    @Inject
    AuditTrail audit;

    private final Map<Kind, FailureTally> tallies = Map.of(Kind.ENROLLMENT, new FailureTally(),
            Kind.TOKEN, new FailureTally());

    /**
     * Counts a failure (a wrong secret, an invalid token) of the caller's address; audits it when it is the
     * first of its window, or the one that starts the throttle. Only failures are counted and refused:
     * the right secret or a valid token from the same address (devices behind one NAT) is always served.
     *
     * @throws TooManyRequests when the address made more than the limit in this window
     */
    public void failed(Kind kind, Caller caller, String detail) {
        int limit = settings.deviceFailureLimit();
        Duration window = settings.deviceFailureWindow();
        FailureTally.Counted counted = tallies.get(kind).fail(caller.sourceAddress(), Instant.now(), limit, window);
        switch (counted.verdict()) {
            case FIRST -> audit.recordSeparately(AuditRecord.failure(caller, kind.action, null, detail));
            case THROTTLED_NOW -> audit.recordSeparately(AuditRecord.failure(caller, kind.action, null, limit + " "
                    + kind.what + " from this address within " + window.toMinutes() + " minutes: further ones are "
                    + "refused (429) and counted until the window ends"));
            case REFUSED -> throw new TooManyRequests("Too many " + kind.what + " from this address; try again later",
                    counted.windowLeft());
            case COUNTED -> { }
        }
    }

    @Schedule(second = "0", minute = "*", hour = "*", persistent = false)
    void summarise() {
        if (!org.keywarden.platform.control.StartupComplete.isDone()) {
            return; // still starting (or failing to): another bean's call would wait for ever
        }
        Instant now = Instant.now();
        int limit = settings.deviceFailureLimit();
        Duration window = settings.deviceFailureWindow();
        for (Kind kind : Kind.values()) {
            for (FailureTally.Closed closed : tallies.get(kind).drain(now, limit, window)) {
                try {
                    audit.recordSeparately(AuditRecord.failure(Caller.anonymous(closed.source()), kind.action, null,
                            closed.counted() + " more " + kind.what + " from this address, counted without an event "
                                    + "each, between " + closed.from().truncatedTo(ChronoUnit.SECONDS) + " and "
                                    + closed.to().truncatedTo(ChronoUnit.SECONDS) + " (" + closed.failures() + " in all)"));
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Could not audit " + closed.counted() + " counted " + kind.what + " from "
                            + closed.source() + ": " + e.getMessage());
                }
            }
        }
    }
}
