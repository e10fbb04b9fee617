package org.keywarden.agent;

import java.io.PrintWriter;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.DeviceIdentity;
import org.keywarden.agent.state.PendingReplacement;
import picocli.CommandLine.Command;

/** {@code status}: prints the local state, without secrets. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the local state: device id, volumes, protectors and whether each key is escrowed.")
final class StatusCommand extends AgentCommand {

    @Override
    protected int execute(AgentContext ctx) {
        AgentState state = ctx.state();
        PrintWriter out = ctx.out();
        out.println("State directory: " + state.directory().toAbsolutePath());
        out.println("Server: " + ctx.serverUrl());
        if (state.identity().isPresent()) {
            DeviceIdentity id = state.identity().get();
            out.println("Device: " + id.deviceId() + " (hostname " + id.hostname()
                    + (id.domain() == null ? "" : ", domain " + id.domain()) + ", enrolled " + id.enrolledAt() + ")");
        } else {
            out.println("Device: not enrolled");
        }
        out.println("Device token: " + (state.deviceToken().isPresent() ? "stored in " + state.tokenFile() : "none"));
        out.println("Volumes: " + state.volumes().size());
        for (Volume v : state.volumes()) {
            out.println("  " + v.volumeId() + " " + v.type() + " " + (v.driveLetter() == null ? "-" : v.driveLetter())
                    + " " + v.encryptionMethod() + " " + v.conversionStatus() + " protection " + v.protectionStatus());
            for (KeyProtector p : v.protectors()) {
                out.println("    " + p.type() + " " + p.id() + describe(state, p));
            }
        }
        for (PendingReplacement p : state.ledger().pendingReplacements()) {
            out.println("Rotation pending: " + p.oldRecoveryKeyId() + " -> "
                    + (p.newRecoveryKeyId() == null ? "(new protector being added)" : p.newRecoveryKeyId())
                    + " on volume " + p.volumeId());
        }
        return ExitCodes.OK;
    }

    private static String describe(AgentState state, KeyProtector p) {
        if (!p.isRecoveryPassword()) {
            return "";
        }
        return state.isEscrowed(p.id()) ? " escrowed" : " NOT escrowed";
    }
}
