package org.keywarden.cli;

import java.io.PrintWriter;
import org.keywarden.cli.api.AddedCertificate;
import picocli.CommandLine.Command;

/** {@code encryption add-certificate}: POST /api/v1/admin/encryption/certificates. */
@Command(name = "add-certificate", mixinStandardHelpOptions = true,
        description = "Generate a new encryption key pair and certificate in the keystore; new values are sealed to it.")
final class AddCertificateCommand extends AdminCommand {

    @Override
    protected int execute(AdminContext ctx) {
        AddedCertificate added = ctx.api().addCertificate();
        if (ctx.json()) {
            ctx.printJson(added.json());
            return ExitCodes.OK;
        }
        PrintWriter out = ctx.out();
        out.println("Added certificate " + added.fingerprint() + "; it encrypts new values from now on.");
        out.println("Next:");
        out.println("  1. Back up the keystore and its password again (it now holds the new private key),");
        out.println("     then run: keywarden-admin encryption confirm-backup");
        out.println("  2. Move the stored records to the new certificate: keywarden-admin encryption rewrap start");
        return ExitCodes.OK;
    }
}
