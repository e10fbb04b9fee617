package org.keywarden.cli;

import org.keywarden.cli.api.EncryptionReport;
import picocli.CommandLine.Command;

/** {@code encryption status}: GET /api/v1/admin/encryption. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the encryption mode, keystore, backup confirmation, certificates and warnings.")
final class EncryptionStatusCommand extends AdminCommand {

    @Override
    protected int execute(AdminContext ctx) {
        EncryptionReport report = ctx.api().encryption();
        if (ctx.json()) {
            ctx.printJson(report.json());
        } else {
            EncryptionReportView.print(report, ctx.out());
        }
        return ExitCodes.OK;
    }
}
