package org.keywarden.agent;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: one full cycle of the agent (or several), as the scheduled task starts it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"One full cycle, then exit (the scheduled task starts it at start-up and every 90 minutes, "
                + "or as often as the server says): enroll if not enrolled, finish unfinished rotations, check in and "
                + "carry out the actions (escrow every recovery password the server lacks, rotate what it asks), report "
                + "the TPM owner information if Windows keeps it. A failure does not stop the rest of the cycle."})
final class RunCommand extends AgentCommand {

    @Option(names = "--times", paramLabel = "N", defaultValue = "1",
            description = "Number of cycles; 0 runs until interrupted. Default: ${DEFAULT-VALUE}.")
    int times;

    @Option(names = "--interval-seconds", paramLabel = "S",
            description = "Seconds between cycles (default: the interval the server returns, else 90 minutes).")
    Integer intervalSeconds;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "Enrollment secret, if the device must enroll (default: env " + Enrollment.SECRET_ENV
                    + ", else the file enrollment-secret in the state directory, deleted after enrollment).")
    Path secretFile;

    @Option(names = "--scheduled-task", paramLabel = "NAME",
            description = "The scheduled task that runs the agent (in the task folder \\Keywarden\\): its repetition "
                    + "follows the server's check-in interval.")
    String scheduledTask;

    @Override
    protected int execute(AgentContext ctx) {
        Outcome outcome = new Outcome();
        for (int i = 1; times <= 0 || i <= times; i++) {
            Integer serverMinutes = new AgentCycle(ctx, outcome).run(secretFile, scheduledTask);
            ctx.out().flush();
            ctx.err().flush();
            if (times > 0 && i == times) {
                break;
            }
            Duration wait = intervalSeconds != null ? Duration.ofSeconds(Math.max(0, intervalSeconds))
                    : Duration.ofMinutes(serverMinutes != null && serverMinutes > 0 ? serverMinutes
                            : AgentCycle.DEFAULT_INTERVAL_MINUTES);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return outcome.exitCode();
    }
}
