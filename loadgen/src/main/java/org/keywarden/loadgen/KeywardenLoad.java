package org.keywarden.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.keywarden.loadgen.http.DeviceEndpoints;
import org.keywarden.loadgen.http.JsonSupport;
import org.keywarden.loadgen.ledger.Ledger;
import org.keywarden.loadgen.report.ResultJson;
import org.keywarden.loadgen.report.TextSummary;
import org.keywarden.loadgen.run.LoadResult;
import org.keywarden.loadgen.run.LoadRunner;
import org.keywarden.loadgen.run.LoadSettings;
import org.keywarden.loadgen.run.Operation;
import org.keywarden.loadgen.run.OperationMix;
import org.keywarden.loadgen.run.SetupResult;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * keywarden-loadgen: simulates many Windows devices against the Keywarden device API and reports
 * throughput and latency percentiles. See {@code --help}; {@code verify} checks a ledger.
 *
 * <pre>{@code
 * int rc = new CommandLine(new KeywardenLoad()).execute("--server", url, "--enrollment-secret", s,
 *         "--devices", "10", "--requests", "500", "--warmup", "0", "--out", "result.json");
 * }</pre>
 */
@Command(name = "keywarden-loadgen", mixinStandardHelpOptions = true, versionProvider = KeywardenLoad.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Simulates N Windows devices against the Keywarden device API (enroll, escrow, check-in) over "
                    + "keep-alive HTTP/1.1 and reports throughput and latency percentiles per operation.",
            "The devices are enrolled first (in parallel, not measured), then requests run for a warm-up "
                    + "(not recorded) and the measurement, bounded by --duration or --requests.",
            "Latencies count answered requests, whatever their status; requests without an answer are "
                    + "counted as errors by exception class, and their worker pauses 50 ms.",
            "Never prints a device token or recovery password."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the load ran (even with errors)",
            "2:bad command line",
            "3:server unreachable: no enrollment got an answer",
            "4:no device could be enrolled (for example a wrong enrollment secret)",
            "5:the ledger, the timeline or the result file could not be written"},
        subcommands = {VerifyCommand.class, DbCeilingCommand.class})
public class KeywardenLoad implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "Keywarden root URL (the API is under /api/v1). Default: ${DEFAULT-VALUE}.")
    URI server;

    @Option(names = "--enrollment-secret", paramLabel = "S", defaultValue = "${env:KEYWARDEN_ENROLLMENT_SECRET}",
            description = "Enrollment secret (default: env KEYWARDEN_ENROLLMENT_SECRET).")
    String enrollmentSecret;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "100",
            description = "Simulated devices, enrolled first, in parallel. Default: ${DEFAULT-VALUE}.")
    int devices;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "16",
            description = "Requests in flight (one worker thread and about one connection each). "
                    + "Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Bound bound;

    /** The stop condition. */
    static final class Bound {
        @Option(names = "--duration", paramLabel = "SECONDS", required = true,
                description = "Measure for this long (default: 30).")
        Integer durationSeconds;

        @Option(names = "--requests", paramLabel = "N", required = true,
                description = "Measure this many requests, then stop.")
        Long requests;
    }

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Requests per second over all workers, on a fixed schedule (open loop, latencies "
                    + "corrected for coordinated omission); 0 = as fast as possible. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--mix", paramLabel = "OP=W,...", defaultValue = "escrow=1,checkin=9",
            description = "Operation weights: escrow (a fresh recovery key for one of the device's volumes, "
                    + "replacing its previous one), checkin (status of all volumes with their escrowed "
                    + "protectors), enroll (a fresh device), health (GET /api/v1/health: no device, no "
                    + "database; a health-only mix enrolls nothing and needs no enrollment secret). "
                    + "Default: ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--volumes-per-device", paramLabel = "V", defaultValue = "2",
            description = "BitLocker volumes per device (C: OS, then D:, E:, ... fixed), 1 to 24. "
                    + "Default: ${DEFAULT-VALUE}.")
    int volumesPerDevice;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
            description = "Run this long before measuring (not recorded). Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON result here.")
    Path out;

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "Append one JSON line per acknowledged (2xx) escrow, setup included: server, device "
                    + "id, device token, volume, recovery key id and recovery password, for 'verify'. "
                    + "The file holds SECRETS (tokens and passwords); it is created with mode 600 "
                    + "(an existing file is appended to and set to 600).")
    Path ledger;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "Write one JSON line per second (warm-up included): the answers of that second by "
                    + "HTTP status and the requests without an answer by exception class, for example to see "
                    + "what a server answered while its database was restarting.")
    Path timeline;

    @Option(names = "--initial-keys", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Escrow one key per volume while setting up, so check-ins list escrowed "
                    + "protectors (default; --no-initial-keys to skip).")
    boolean initialKeys;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "10",
            description = "Print a progress line to stderr this often; 0 = never. Default: ${DEFAULT-VALUE}.")
    int progressSeconds;

    @Mixin
    ConnectionOptions connection;

    /** Runs the load generator and exits with its exit code. */
    public static void main(String[] args) {
        // lets --new-connection-per-request send "Connection: close" (a header the JDK's client otherwise refuses);
        // read once, when the client's classes load
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
        System.exit(new CommandLine(new KeywardenLoad()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        LoadSettings settings = settings();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        LoadResult result;
        try (Ledger l = ledger == null ? null : Ledger.open(ledger);
             Writer t = timeline == null ? null : Files.newBufferedWriter(timeline, StandardCharsets.UTF_8)) {
            DeviceEndpoints api = new DeviceEndpoints(server, connection.client(), connection.timeout(),
                    connection.newConnectionPerRequest);
            result = new LoadRunner(settings, api, l, stderr, t).run();
        } catch (IOException | UncheckedIOException e) {
            stderr.println("keywarden-loadgen: " + e.getMessage());
            return ExitCodes.LOCAL_ERROR;
        }
        TextSummary.write(result, stdout);
        if (out != null) {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                JsonSupport.pretty(ResultJson.of(result, version()), w);
            } catch (IOException e) {
                stderr.println("keywarden-loadgen: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.LOCAL_ERROR;
            }
        }
        return switch (result.setup().failure()) {
            case UNREACHABLE -> {
                stderr.println("keywarden-loadgen: " + server + " is unreachable; nothing was measured");
                yield ExitCodes.UNREACHABLE;
            }
            case REJECTED -> {
                stderr.println("keywarden-loadgen: no device could be enrolled ("
                        + String.join(", ", result.setup().enrollErrors().keySet()) + "); nothing was measured");
                yield ExitCodes.REJECTED;
            }
            case NONE -> {
                if (nothingAnswered(result)) {
                    stderr.println("keywarden-loadgen: " + server + " did not answer a single request");
                    yield ExitCodes.UNREACHABLE;
                }
                yield ExitCodes.OK;
            }
        };
    }

    /** No device was enrolled beforehand (enroll-only mix) and not one request got an answer. */
    private static boolean nothingAnswered(LoadResult result) {
        var overall = result.statistics().overall();
        return result.setup().enrolled() == 0 && overall.count() > 0 && overall.serviceTime().getTotalCount() == 0;
    }

    private LoadSettings settings() {
        OperationMix operationMix;
        try {
            operationMix = OperationMix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw usage("--mix: " + e.getMessage());
        }
        String scheme = server.getScheme();
        if (server.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw usage("--server must be an http:// or https:// URL");
        }
        if (devices < 0 || devices > 999_999) {
            throw usage("--devices must be 0 to 999999");
        }
        int fleetSize = operationMix.healthOnly() ? 0 : devices;  // nothing to enroll for health checks
        if (devices == 0 && operationMix.needsDevices()) {
            throw usage("--devices must be at least 1 when the mix has escrow or checkin");
        }
        boolean enrolls = fleetSize > 0 || operationMix.weight(Operation.ENROLL) > 0;
        if (enrolls && (enrollmentSecret == null || enrollmentSecret.isEmpty())) {
            throw usage("an enrollment secret is needed: --enrollment-secret or env KEYWARDEN_ENROLLMENT_SECRET");
        }
        if (concurrency < 1 || concurrency > 10_000) {
            throw usage("--concurrency must be 1 to 10000");
        }
        int duration = 30;
        long requests = 0;
        if (bound != null && bound.requests != null) {
            requests = bound.requests;
            duration = 0;
            if (requests < 1) {
                throw usage("--requests must be at least 1");
            }
        } else if (bound != null && bound.durationSeconds != null) {
            duration = bound.durationSeconds;
            if (duration < 1) {
                throw usage("--duration must be at least 1 second");
            }
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw usage("--rate must be 0 (flat out) or a positive number");
        }
        if (volumesPerDevice < 1 || volumesPerDevice > 24) {
            throw usage("--volumes-per-device must be 1 to 24");
        }
        if (warmupSeconds < 0) {
            throw usage("--warmup must not be negative");
        }
        if (connection.timeoutSeconds < 1) {
            throw usage("--timeout-seconds must be at least 1");
        }
        if (progressSeconds < 0) {
            throw usage("--progress must not be negative");
        }
        return new LoadSettings(server, enrollmentSecret, fleetSize, concurrency, duration, requests, rate,
                operationMix, volumesPerDevice, warmupSeconds, connection.timeoutSeconds, connection.insecure,
                initialKeys, progressSeconds);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The version from the jar manifest, or "development". */
    static String version() {
        String v = KeywardenLoad.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"keywarden-loadgen " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
