package org.keywarden.agent;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.keywarden.agent.api.ActionsResponse;
import org.keywarden.agent.api.TpmReport;
import org.keywarden.agent.state.AgentState;

/**
 * One full cycle of the agent: enroll if needed, finish unfinished rotations, check in and obey the
 * actions (the server asks to escrow every recovery password it does not hold, and to rotate one held by
 * another record, such as an imported key, instead of escrowing it), report TPM owner information that
 * changed, and let the scheduled task follow the server's interval. Each step's failure is printed and
 * counted, and the later steps still run where they can.
 */
final class AgentCycle {
    static final int DEFAULT_INTERVAL_MINUTES = 90;

    private final AgentContext ctx;
    private final Outcome outcome;

    AgentCycle(AgentContext ctx, Outcome outcome) {
        this.ctx = ctx;
        this.outcome = outcome;
    }

    /** @return the server's check-in interval, if the check-in got one */
    Integer run(Path secretFile, String scheduledTask) {
        AgentState state = ctx.state();
        if (!state.isEnrolled() && !step("enrollment", () -> enroll(secretFile))) {
            return null;
        }
        Enrollment.forgetLeftSecret(state);
        state.bitLocker().refresh();
        KeyEscrow escrow = new KeyEscrow(state, ctx.api(), ctx.credential());
        step("unfinished rotations", () -> escrow.resume(ctx.out(), ctx.err(), outcome));
        Integer[] interval = new Integer[1];
        step("check-in", () -> {
            ActionsResponse response = CheckIn.once(ctx, outcome);
            interval[0] = response.checkInIntervalMinutes();
        });
        step("TPM owner information", this::reportTpm);
        if (scheduledTask != null && interval[0] != null && interval[0] > 0
                && !state.scheduledIntervalMinutes().equals(Optional.of(interval[0]))) {
            step("scheduled task", () -> {
                if (ctx.machine().followCheckInInterval(scheduledTask, interval[0])) {
                    state.saveScheduledIntervalMinutes(interval[0]);
                    ctx.out().println("Scheduled task " + scheduledTask + " now runs every " + interval[0] + " minutes");
                }
            });
        }
        return interval[0];
    }

    private void enroll(Path secretFile) {
        AgentState state = ctx.state();
        Enrollment.enroll(ctx, ctx.machine().facts(), Enrollment.secret(null, secretFile, state), false);
    }

    private void reportTpm() {
        Optional<byte[]> hash = ctx.state().bitLocker().tpmOwnerAuthHash();
        if (hash.isEmpty()) {
            return; // Windows keeps no TPM owner authorization (the default since Windows 10 1607): nothing to report
        }
        String digest = sha256(hash.get());
        if (ctx.state().reportedTpmDigest().equals(Optional.of(digest))) {
            return;
        }
        Instant now = Instant.now();
        ctx.api().putTpm(ctx.credential(), new TpmReport(Base64.getEncoder().encodeToString(hash.get()), now));
        ctx.state().saveReportedTpmDigest(digest);
        ctx.out().println("Reported TPM owner information (reportedAt " + now + ")");
    }

    private boolean step(String name, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            ctx.err().println("error: " + name + " failed: " + Failures.message(e));
            outcome.fail(e);
            return false;
        }
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
