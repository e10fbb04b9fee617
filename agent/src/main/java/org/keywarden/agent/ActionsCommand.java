package org.keywarden.agent;

import org.keywarden.agent.api.ActionsResponse;
import org.keywarden.agent.api.DeviceAction;
import org.keywarden.agent.api.DeviceCredential;
import picocli.CommandLine.Command;

/** {@code actions}: prints the pending actions without reporting status or acting. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = "Print the pending actions (GET /api/v1/devices/{id}/actions) without carrying them out.")
final class ActionsCommand extends AgentCommand {

    @Override
    protected int execute(AgentContext ctx) {
        DeviceCredential device = ctx.credential();
        ActionsResponse response = ctx.api().actions(device);
        ctx.out().println(response.actions().size() + " pending action(s)"
                + (response.checkInIntervalMinutes() == null ? ""
                        : "; check-in interval " + response.checkInIntervalMinutes() + " minutes"));
        for (DeviceAction a : response.actions()) {
            ctx.out().println(a.type() + " volume " + a.volumeId() + " key " + a.recoveryKeyId());
        }
        return ExitCodes.OK;
    }
}
