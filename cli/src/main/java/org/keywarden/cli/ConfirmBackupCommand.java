package org.keywarden.cli;

import org.keywarden.cli.api.AdminApi;
import org.keywarden.cli.api.BackupConfirmation;
import org.keywarden.cli.api.EncryptionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code encryption confirm-backup}: POST /api/v1/admin/encryption/backup-confirmation, after asking. */
@Command(name = "confirm-backup", mixinStandardHelpOptions = true,
        description = "Record that the keystore and its password are backed up (for the certificate that encrypts now).")
final class ConfirmBackupCommand extends AdminCommand {

    @Option(names = {"-y", "--yes"}, description = "Do not ask; the backup is done.")
    boolean yes;

    @Override
    protected int execute(AdminContext ctx) {
        AdminApi api = ctx.api();
        if (!yes) {
            EncryptionReport report = api.encryption();
            // with encryption off there is nothing to ask about; the server explains its refusal
            if (!"none".equals(report.mode())) {
                String keystore = report.keystore() == null ? "the keystore" : report.keystore();
                if (!ctx.confirm("Did you back up " + keystore + " and its password?")) {
                    ctx.err().println("Not confirmed: back up the keystore and its password first.");
                    return ExitCodes.LOCAL_ERROR;
                }
            }
        }
        BackupConfirmation confirmation = api.confirmBackup();
        if (ctx.json()) {
            ctx.printJson(confirmation.json());
        } else {
            ctx.out().println("Backup confirmed for certificate " + confirmation.confirmedFor() + ".");
        }
        return ExitCodes.OK;
    }
}
