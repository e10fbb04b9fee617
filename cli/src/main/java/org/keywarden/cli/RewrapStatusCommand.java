package org.keywarden.cli;

import java.time.Duration;
import org.keywarden.cli.api.RewrapProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code encryption rewrap status [--watch [SECONDS]]}: GET /api/v1/admin/encryption/rewrap. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the re-wrap job's state, progress, rate and estimated time left.")
final class RewrapStatusCommand extends AdminCommand {
    @Mixin
    WatchOption watch;

    @Override
    protected int execute(AdminContext ctx) {
        Duration interval = watch.interval();
        if (watch.enabled() && interval == null) {
            throw usage("--watch takes a number of seconds above 0 and up to 3600");
        }
        RewrapProgress progress = ctx.api().rewrapProgress();
        if (watch.enabled()) {
            return RewrapWatch.follow(ctx, progress, interval);
        }
        if (ctx.json()) {
            ctx.printJson(progress.json());
        } else {
            RewrapView.print(progress, ctx.out());
        }
        return ExitCodes.OK;
    }
}
