package org.keywarden.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.keywarden.cli.api.RewrapProgress;

/** Polls the re-wrap progress until the job is no longer RUNNING, printing each answer. */
final class RewrapWatch {
    private RewrapWatch() {
    }

    /**
     * Prints {@code first}, then polls every {@code interval} while the job runs.
     *
     * @return {@link ExitCodes#OK} if the job ended DONE without failed records, else
     *         {@link ExitCodes#REWRAP_NOT_COMPLETE}
     */
    static int follow(AdminContext ctx, RewrapProgress first, Duration interval) {
        RewrapProgress p = first;
        show(ctx, p);
        while (p.running()) {
            try {
                Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.err().println("Interrupted; the job goes on on the server.");
                return ExitCodes.REWRAP_NOT_COMPLETE;
            }
            p = ctx.api().rewrapProgress();
            show(ctx, p);
        }
        if (!ctx.json()) {
            PrintWriter out = ctx.out();
            RewrapView.printFailures(p, out);
            out.println(p.completeWithoutFailures() ? "Re-wrap done: every record is sealed to certificate "
                    + Formats.fingerprint(p.target()) + "." : "Re-wrap ended " + p.state() + " without re-sealing every record.");
        }
        return p.completeWithoutFailures() ? ExitCodes.OK : ExitCodes.REWRAP_NOT_COMPLETE;
    }

    private static void show(AdminContext ctx, RewrapProgress p) {
        if (ctx.json()) {
            ctx.printJson(p.json());
        } else {
            ctx.out().println(RewrapView.line(p));
            ctx.out().flush();
        }
    }
}
