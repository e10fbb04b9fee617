package org.keywarden.agent;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands: loads the state, runs the command, and turns any failure into one
 * secret-free line on stderr and an {@link ExitCodes exit code}, so the commands behave the same
 * from {@code main} and from {@code new CommandLine(new KeywardenAgent()).execute(...)}.
 */
abstract class AgentCommand implements Callable<Integer> {
    @ParentCommand
    KeywardenAgent agent;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (agent.logFile() != null) {
            RotatingLog log = new RotatingLog(agent.logFile(), RotatingLog.MAX_BYTES);
            out = log.tee(out, "INFO");
            err = log.tee(err, "ERROR");
        }
        try {
            return execute(new AgentContext(agent, out, err));
        } catch (RuntimeException e) {
            err.println("error: " + Failures.message(e));
            return Failures.exitCode(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Does the command's work; returns its exit code. */
    protected abstract int execute(AgentContext ctx);
}
