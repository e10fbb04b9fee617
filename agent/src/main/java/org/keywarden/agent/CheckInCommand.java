package org.keywarden.agent;

import picocli.CommandLine.Command;

/** {@code checkin}: reports volume status and carries out the returned actions. */
@Command(name = "checkin", mixinStandardHelpOptions = true,
        description = "Report all volumes and protectors, then carry out the returned actions (escrow a missing "
                + "key; rotate a key: add, escrow with replaces, then remove the old protector).")
final class CheckInCommand extends AgentCommand {

    @Override
    protected int execute(AgentContext ctx) {
        Outcome outcome = new Outcome();
        CheckIn.once(ctx, outcome);
        return outcome.exitCode();
    }
}
