package org.keywarden.agent;

import java.time.Duration;
import org.keywarden.agent.api.ActionsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: checks in repeatedly, like the agent's service loop. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Check in repeatedly (as the agent service does). Failures do not stop the loop.")
final class RunCommand extends AgentCommand {
    private static final int DEFAULT_INTERVAL_MINUTES = 90;

    @Option(names = "--times", paramLabel = "N", defaultValue = "0",
            description = "Number of check-ins; 0 (default) runs until interrupted.")
    int times;

    @Option(names = "--interval-seconds", paramLabel = "S",
            description = "Seconds between check-ins (default: the interval the server returns, else 90 minutes).")
    Integer intervalSeconds;

    @Override
    protected int execute(AgentContext ctx) {
        Outcome outcome = new Outcome();
        for (int i = 1; times <= 0 || i <= times; i++) {
            Integer serverMinutes = null;
            try {
                ActionsResponse response = CheckIn.once(ctx, outcome);
                serverMinutes = response.checkInIntervalMinutes();
            } catch (RuntimeException e) {
                ctx.err().println("error: check-in " + i + " failed: " + Failures.message(e));
                outcome.fail(e);
            }
            ctx.out().flush();
            ctx.err().flush();
            if (times > 0 && i == times) {
                break;
            }
            Duration wait = intervalSeconds != null ? Duration.ofSeconds(Math.max(0, intervalSeconds))
                    : Duration.ofMinutes(serverMinutes != null && serverMinutes > 0 ? serverMinutes
                            : DEFAULT_INTERVAL_MINUTES);
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
