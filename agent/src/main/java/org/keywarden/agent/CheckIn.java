package org.keywarden.agent;

import java.io.PrintWriter;
import java.time.Instant;
import org.keywarden.agent.api.ActionsResponse;
import org.keywarden.agent.api.DeviceCredential;
import org.keywarden.agent.api.StatusReport;

/** One check-in: report status, then carry out the returned actions. */
final class CheckIn {
    private CheckIn() {
    }

    /**
     * @return the server's answer (for its check-in interval)
     */
    static ActionsResponse once(AgentContext ctx, Outcome outcome) {
        DeviceCredential device = ctx.credential();
        StatusReport report = StatusReports.of(ctx.state(), Instant.now());
        for (org.keywarden.agent.bitlocker.Volume unknown : ctx.state().volumes()) {
            if (!unknown.protectorsKnown()) {
                ctx.err().println("error: volume " + unknown.volumeId() + " not reported: its protectors could not be read: "
                        + unknown.listingError());
                outcome.fail(ExitCodes.LOCAL_ERROR);
            }
        }
        ActionsResponse response = ctx.api().checkIn(device, report);
        PrintWriter out = ctx.out();
        int protectors = report.volumes().stream().mapToInt(v -> v.protectors().size()).sum();
        out.println("Checked in: " + report.volumes().size() + " volume(s), " + protectors + " protector(s) reported; "
                + response.actions().size() + " action(s)"
                + (response.checkInIntervalMinutes() == null ? ""
                        : "; next check-in in " + response.checkInIntervalMinutes() + " minutes"));
        out.flush();
        new ActionExecutor(new KeyEscrow(ctx.state(), ctx.api(), device), out, ctx.err())
                .perform(response.actions(), outcome);
        return response;
    }
}
