package org.keywarden.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.keywarden.loadgen.db.DbCeiling;
import org.keywarden.loadgen.http.JsonSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code db-ceiling}: rows per second a database takes through plain JDBC for rows shaped like
 * Keywarden's {@code recovery_key}, batched and committed one by one. See {@link DbCeiling}.
 */
@Command(name = "db-ceiling", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Measures the database ceiling: creates a scratch table " + DbCeiling.TABLE + " shaped like Keywarden's "
                    + "recovery_key (ids, prefix, a " + DbCeiling.VALUE_BYTES + "-byte sealed value, state, time), "
                    + "inserts rows with plain JDBC committing every --batch rows, then again committing every "
                    + "row on its own (as Keywarden commits each escrow), reports rows/s of both and drops the table.",
            "An existing table " + DbCeiling.TABLE + " is dropped first. H2: use the server's settings on a file "
                    + "of its own, for example jdbc:h2:file:/tmp/bench/bench;WRITE_DELAY=0 (the server locks its file).",
            "Drivers included: H2 (the version WildFly ships) and PostgreSQL. Never prints the password."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:measured",
            "2:bad command line",
            "5:the result file could not be written",
            "6:database error"})
public class DbCeilingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:KEYWARDEN_DB_URL}",
            description = "JDBC URL (default: env KEYWARDEN_DB_URL).")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "U", defaultValue = "${env:KEYWARDEN_DB_USER}",
            description = "Database user (default: env KEYWARDEN_DB_USER).")
    String user;

    @Option(names = "--password", paramLabel = "P", defaultValue = "${env:KEYWARDEN_DB_PASSWORD}",
            description = "Database password (default: env KEYWARDEN_DB_PASSWORD).")
    String password;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000",
            description = "Rows to insert in each mode. Default: ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
            description = "Rows per commit in the batched mode. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "1",
            description = "Inserting threads, each with its own connection. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "0",
            description = "Stop each mode after this long even if fewer than --rows were inserted; 0 = no limit. "
                    + "Default: ${DEFAULT-VALUE}.")
    double maxSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON result here.")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw usage("--jdbc-url (or env KEYWARDEN_DB_URL) must be a jdbc: URL");
        }
        if (rows < 1 || batch < 1 || concurrency < 1 || concurrency > 1000 || !(maxSeconds >= 0)) {
            throw usage("--rows and --batch must be at least 1, --concurrency 1 to 1000, --max-seconds >= 0");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        DbCeiling.Settings settings = new DbCeiling.Settings(jdbcUrl, user, password, rows, batch, concurrency,
                maxSeconds);
        DbCeiling.Result result;
        try {
            result = new DbCeiling(settings).run();
        } catch (SQLException e) {
            stderr.println("keywarden-loadgen db-ceiling: " + describe(e));
            return ExitCodes.DATABASE_ERROR;
        }
        write(settings, result, stdout);
        if (out != null) {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                JsonSupport.pretty(json(settings, result), w);
            } catch (IOException e) {
                stderr.println("keywarden-loadgen db-ceiling: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.LOCAL_ERROR;
            }
        }
        return ExitCodes.OK;
    }

    private static void write(DbCeiling.Settings s, DbCeiling.Result r, PrintWriter out) {
        out.printf(Locale.ROOT, "DB ceiling: %s, table %s (%d-byte value), %d connection(s)%n", r.database(),
                DbCeiling.TABLE, DbCeiling.VALUE_BYTES, s.concurrency());
        out.printf(Locale.ROOT, "%-16s %10s %10s %9s %10s%n", "mode", "rows", "commits", "seconds", "rows/s");
        for (DbCeiling.Mode m : new DbCeiling.Mode[] {r.batched(), r.perRow()}) {
            out.printf(Locale.ROOT, "%-16s %,10d %,10d %9.2f %,10.1f%n", m.name(), m.rows(), m.commits(), m.seconds(),
                    m.rowsPerSecond());
        }
        out.flush();
    }

    static jakarta.json.JsonObject json(DbCeiling.Settings s, DbCeiling.Result r) {
        return JsonSupport.object()
                .add("tool", "keywarden-loadgen db-ceiling")
                .add("version", KeywardenLoad.version())
                .add("javaVersion", System.getProperty("java.version"))
                .add("availableProcessors", Runtime.getRuntime().availableProcessors())
                .add("database", r.database())
                .add("driver", r.driver())
                .add("table", DbCeiling.TABLE)
                .add("valueBytes", DbCeiling.VALUE_BYTES)
                .add("parameters", JsonSupport.object()
                        .add("rows", s.rows())
                        .add("batch", s.batch())
                        .add("concurrency", s.concurrency())
                        .add("maxSeconds", s.maxSeconds()))
                .add("batched", mode(r.batched()))
                .add("perRowCommit", mode(r.perRow()))
                .build();
    }

    private static jakarta.json.JsonObjectBuilder mode(DbCeiling.Mode m) {
        return JsonSupport.object()
                .add("rows", m.rows())
                .add("commits", m.commits())
                .add("seconds", Math.round(m.seconds() * 1000.0) / 1000.0)
                .add("rowsPerSecond", Math.round(m.rowsPerSecond() * 10.0) / 10.0);
    }

    /** The message of the exception and of its causes and chained exceptions, without duplicates. */
    private static String describe(SQLException e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable t = e.getCause() != null ? e.getCause() : e.getNextException();
        for (int i = 0; t != null && i < 5; i++) {
            if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
                b.append(": ").append(t.getMessage());
            }
            t = t.getCause();
        }
        return b.toString();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
