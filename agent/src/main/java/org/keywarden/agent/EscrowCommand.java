package org.keywarden.agent;

import java.util.List;
import org.keywarden.agent.api.DeviceCredential;
import org.keywarden.agent.bitlocker.VolumeLockedException;
import org.keywarden.agent.state.AgentState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code escrow}: escrows every recovery password protector the server has not acknowledged. */
@Command(name = "escrow", mixinStandardHelpOptions = true,
        description = "Escrow every recovery password protector not yet escrowed (200 and 201 count as escrowed).")
final class EscrowCommand extends AgentCommand {

    @Option(names = "--all", description = "Escrow every recovery password protector again, escrowed or not.")
    boolean all;

    @Override
    protected int execute(AgentContext ctx) {
        AgentState state = ctx.state();
        DeviceCredential device = ctx.credential();
        List<String> ids = all ? state.recoveryPasswordProtectorIds() : state.unescrowedProtectorIds();
        if (ids.isEmpty()) {
            ctx.out().println("Nothing to escrow: " + state.recoveryPasswordProtectorIds().size()
                    + " recovery password protector(s), all escrowed");
            return ExitCodes.OK;
        }
        Outcome outcome = new Outcome();
        escrowAll(new KeyEscrow(state, ctx.api(), device), ids, ctx, outcome);
        return outcome.exitCode();
    }

    /** Escrows these keys, one line each; a locked volume's key is skipped, not a failure. */
    static void escrowAll(KeyEscrow escrow, List<String> ids, AgentContext ctx, Outcome outcome) {
        for (String id : ids) {
            try {
                ctx.out().println("Escrowed " + escrow.escrow(id).describe());
            } catch (VolumeLockedException e) {
                ctx.out().println("Skipped recovery key " + id + ": " + Failures.message(e));
            } catch (RuntimeException e) {
                ctx.err().println("error: recovery key " + id + " not escrowed: " + Failures.message(e));
                outcome.fail(e);
            }
        }
    }
}
