package org.keywarden.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code backup}: POST /api/v1/admin/backups, and where the server wrote it. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Take a backup of the installation into the server's data directory (backups/<time>/): the "
                + "embedded database, the encryption keystore (its password apart), the TLS identity and the audit "
                + "checkpoints. Copy it off the machine; restore with 'keywarden restore DIR'.")
final class BackupCommand extends AdminCommand {

    @Override
    protected int execute(AdminContext ctx) {
        JsonObject report = ctx.api().takeBackup();
        if (ctx.json()) {
            ctx.printJson(report.toString());
            return ExitCodes.OK;
        }
        ctx.out().println("Backup written on the server to " + report.getString("directory"));
        ctx.out().println("  database:      " + report.getString("database"));
        ctx.out().println("  recovery keys: " + report.getJsonNumber("recoveryKeys"));
        ctx.out().println("  files:         " + report.getJsonArray("files").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.joining(", ")));
        ctx.out().println("Store encryption-password/ apart from the rest: together they open every stored key.");
        return ExitCodes.OK;
    }
}
