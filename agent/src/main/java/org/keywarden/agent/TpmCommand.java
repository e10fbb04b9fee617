package org.keywarden.agent;

import java.time.Instant;
import java.util.Base64;
import org.keywarden.agent.api.DeviceCredential;
import org.keywarden.agent.api.TpmReport;
import org.keywarden.agent.state.AgentStateException;
import picocli.CommandLine.Command;

/** {@code tpm}: reports the TPM owner authorization hash. */
@Command(name = "tpm", mixinStandardHelpOptions = true,
        description = "Report the TPM owner authorization hash (PUT /api/v1/devices/{id}/tpm).")
final class TpmCommand extends AgentCommand {

    @Override
    protected int execute(AgentContext ctx) {
        DeviceCredential device = ctx.credential();
        byte[] hash = ctx.state().bitLocker().tpmOwnerAuthHash()
                .orElseThrow(() -> new AgentStateException("this device has no TPM owner information"));
        Instant now = Instant.now();
        ctx.api().putTpm(device, new TpmReport(Base64.getEncoder().encodeToString(hash), now));
        ctx.out().println("Reported TPM owner information (reportedAt " + now + ")");
        return ExitCodes.OK;
    }
}
