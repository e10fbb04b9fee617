package org.keywarden.cli;

import org.keywarden.cli.api.RewrapProgress;
import picocli.CommandLine.Command;

/** {@code encryption rewrap cancel}: POST /api/v1/admin/encryption/rewrap/cancellation. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Stop the re-wrap job; records already re-sealed stay so, the rest keep their old certificate.")
final class RewrapCancelCommand extends AdminCommand {

    @Override
    protected int execute(AdminContext ctx) {
        RewrapProgress progress = ctx.api().cancelRewrap();
        if (ctx.json()) {
            ctx.printJson(progress.json());
        } else {
            ctx.out().println("Cancellation requested.");
            ctx.out().println(RewrapView.line(progress));
        }
        return ExitCodes.OK;
    }
}
