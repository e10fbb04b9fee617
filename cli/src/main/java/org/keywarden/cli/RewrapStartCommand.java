package org.keywarden.cli;

import java.time.Duration;
import org.keywarden.cli.api.RewrapProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code encryption rewrap start [--records-per-second N] [--watch [SECONDS]]}: POST /api/v1/admin/encryption/rewrap. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start re-sealing every stored record to the certificate that encrypts now.")
final class RewrapStartCommand extends AdminCommand {
    @Option(names = "--records-per-second", paramLabel = "N",
            description = "Re-wrap at most N records per second (default: as fast as the server can).")
    Integer recordsPerSecond;

    @Mixin
    WatchOption watch;

    @Override
    protected int execute(AdminContext ctx) {
        if (recordsPerSecond != null && recordsPerSecond < 1) {
            throw usage("--records-per-second must be at least 1");
        }
        Duration interval = watch.interval();
        if (watch.enabled() && interval == null) {
            throw usage("--watch takes a number of seconds above 0 and up to 3600");
        }
        RewrapProgress progress = ctx.api().startRewrap(recordsPerSecond);
        if (watch.enabled()) {
            return RewrapWatch.follow(ctx, progress, interval);
        }
        if (ctx.json()) {
            ctx.printJson(progress.json());
        } else {
            ctx.out().println(RewrapView.line(progress));
            ctx.out().println("Follow it with: keywarden-admin encryption rewrap status --watch");
        }
        return ExitCodes.OK;
    }
}
