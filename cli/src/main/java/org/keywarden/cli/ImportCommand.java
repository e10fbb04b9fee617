package org.keywarden.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.keywarden.cli.imports.DatabaseExport;
import org.keywarden.cli.imports.GraphExport;
import org.keywarden.cli.imports.ImportBatches;
import org.keywarden.cli.imports.SourceRows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code import}: the keys an organisation already holds, into Keywarden (docs/migration.md). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import existing BitLocker recovery keys (each stored as an escrow stores it; a second import "
                + "changes nothing). Keys belong to a device record per computer name marked as imported; when the "
                + "PC's agent enrolls, it is asked to replace them with keys of its own.",
        subcommands = {ImportCommand.Mbam.class, ImportCommand.ConfigMgr.class, ImportCommand.EntraId.class,
            ActiveDirectoryImportCommand.class})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Sends the rows and prints what happened; exit 0 only if every row was imported or already there. */
    static int send(AdminContext ctx, String source, SourceRows rows) {
        ImportBatches.Totals totals = new ImportBatches(source, body -> ctx.api().importKeys(body)).send(rows);
        int invalid = totals.invalid().size() + rows.skipped().size();
        if (ctx.json()) {
            ctx.printJson("{\"imported\":" + totals.imported() + ",\"alreadyPresent\":" + totals.alreadyPresent()
                    + ",\"conflicting\":" + totals.conflicting() + ",\"invalid\":" + invalid + "}");
        } else {
            ctx.out().println("Imported " + totals.imported() + ", already present " + totals.alreadyPresent()
                    + ", conflicting " + totals.conflicting() + ", invalid " + invalid + " (from " + source + ", "
                    + (rows.rows().size() + rows.skipped().size()) + " in the source)");
        }
        rows.skipped().forEach(s -> ctx.err().println("invalid: " + s.where() + " " + s.why()));
        totals.invalid().forEach(line -> ctx.err().println("invalid: " + line));
        if (totals.conflicting() > 0) {
            ctx.err().println("conflicting: " + totals.conflicting() + " key ID(s) are stored with another password; "
                    + "nothing was changed (see the audit trail, action KEY_IMPORT, outcome FAILURE)");
        }
        return invalid + totals.conflicting() == 0 ? ExitCodes.OK : ExitCodes.SERVER_REJECTED;
    }

    static Reader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Command(name = "mbam", mixinStandardHelpOptions = true,
            description = "From the CSV of MBAM's recovery database (the query in docs/migration.md).")
    static final class Mbam extends AdminCommand {
        @Option(names = "--csv", paramLabel = "FILE", required = true, description = "The exported CSV (UTF-8).")
        Path csv;

        @Override
        protected int execute(AdminContext ctx) {
            return send(ctx, "MBAM", exported(csv));
        }
    }

    @Command(name = "configmgr", mixinStandardHelpOptions = true,
            description = "From the CSV of ConfigMgr's site database, keys decrypted by the query in docs/migration.md.")
    static final class ConfigMgr extends AdminCommand {
        @Option(names = "--csv", paramLabel = "FILE", required = true, description = "The exported CSV (UTF-8).")
        Path csv;

        @Override
        protected int execute(AdminContext ctx) {
            return send(ctx, "CONFIGMGR", exported(csv));
        }
    }

    @Command(name = "entra", mixinStandardHelpOptions = true,
            description = "From Microsoft Graph's JSON of recovery keys and of devices (commands in docs/migration.md).")
    static final class EntraId extends AdminCommand {
        @Option(names = "--keys", paramLabel = "FILE", required = true,
                description = "informationProtection/bitlocker/recoveryKeys, each with its key.")
        Path keys;

        @Option(names = "--devices", paramLabel = "FILE", required = true,
                description = "devices with deviceId and displayName.")
        Path devices;

        @Override
        protected int execute(AdminContext ctx) {
            try (Reader k = open(keys); Reader d = open(devices)) {
                return send(ctx, "ENTRA_ID", GraphExport.read(k, d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static SourceRows exported(Path csv) {
        try (Reader in = open(csv)) {
            return DatabaseExport.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
