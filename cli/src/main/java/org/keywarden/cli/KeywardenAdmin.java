package org.keywarden.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden-admin}: the administrator's command line for the Keywarden admin REST API
 * ({@code <server>/api/v1/admin}, HTTP Basic as a user with the ADMIN role).
 *
 * <h2>Use from a test, in-process</h2>
 * <pre>{@code
 * StringWriter out = new StringWriter();
 * StringWriter err = new StringWriter();
 * CommandLine cmd = new CommandLine(new KeywardenAdmin());
 * cmd.setOut(new PrintWriter(out, true));
 * cmd.setErr(new PrintWriter(err, true));
 * int rc = cmd.execute("--server", "http://localhost:8080", "--user", "admin",
 *         "--password-file", passwordFile.toString(), "--json", "encryption", "status");
 * JsonObject status = Json.createReader(new StringReader(out.toString())).readObject();
 * rc = new CommandLine(new KeywardenAdmin()).execute("--password-file", file, "encryption", "rewrap", "start");
 * }</pre>
 * Global options go before the subcommand. The password is read from {@code --password-file} or
 * the environment variable {@code KEYWARDEN_ADMIN_PASSWORD}; a test that cannot set the environment,
 * or that answers the {@code confirm-backup} question, uses {@link #KeywardenAdmin(Map, Reader)}
 * (or passes {@code --yes}). With {@code --json} stdout holds only the server's JSON answer.
 * Exit codes are in {@link ExitCodes}: 0 done, 1 the server answered with an error (also a wrong
 * user name or password), 2 bad command line, or {@code rewrap --watch} ended other than DONE
 * without failed records, 3 server unreachable or answer unreadable, 4 local problem (no password,
 * missing password file, confirmation declined). The password is never written to stdout or stderr.
 */
@Command(name = "keywarden-admin", mixinStandardHelpOptions = true, versionProvider = KeywardenAdmin.Version.class,
        description = "Administer a Keywarden server through its admin REST API (HTTP Basic as an ADMIN user).",
        footer = {"", "The password comes from --password-file FILE or the environment variable "
                + Passwords.ENV + ".",
            "Exit codes: 0 done, 1 server answered with an error, 2 usage error or re-wrap not completed,"
                + " 3 server unreachable, 4 local problem."},
        subcommands = {EncryptionCommand.class, UsersCommand.class, AuditCommand.class, DevicesCommand.class,
            ImportCommand.class, BackupCommand.class})
public class KeywardenAdmin implements Callable<Integer> {
    static final String DEFAULT_SERVER = "http://localhost:8080";

    private final Function<String, String> environment;
    private final Reader console;
    private BufferedReader consoleReader;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = DEFAULT_SERVER,
            description = "Keywarden root URL; the API is under <URL>/api/v1. Default: ${DEFAULT-VALUE}.")
    URI server;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin",
            description = "Administrator user name (HTTP Basic). Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the password (a trailing line break is ignored). "
                    + "Default: the environment variable " + Passwords.ENV + ".")
    Path passwordFile;

    @Option(names = "--insecure",
            description = "Trust any TLS certificate and host name (self-signed development server only).")
    boolean insecure;

    @Option(names = "--server-certificate-sha256", paramLabel = "HEX",
            defaultValue = "${env:KEYWARDEN_SERVER_CERTIFICATE_SHA256}",
            description = "Trust only the server certificate with this SHA-256 fingerprint (the safe alternative "
                    + "to --insecure for a self-signed server; Keywarden writes it to <data dir>/tls/certificate.sha256). "
                    + "Default: env KEYWARDEN_SERVER_CERTIFICATE_SHA256.")
    String serverCertificateSha256;

    @Option(names = "--allow-plain-http",
            description = "Allow http:// to a host other than this machine (the password then crosses the network "
                    + "in clear: only behind a TLS proxy on a trusted network).")
    boolean allowPlainHttp;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Certificates to trust: a PEM/DER file (.pem, .crt, .cer) or a PKCS12/JKS key store.")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PASSWORD",
            defaultValue = "${env:KEYWARDEN_TRUST_STORE_PASSWORD}",
            description = "Password of a PKCS12/JKS trust store (default: env KEYWARDEN_TRUST_STORE_PASSWORD).")
    String trustStorePassword;

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "30",
            description = "Timeout of each HTTP request. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--json", description = "Print the server's raw JSON answer instead of the human form.")
    boolean json;

    /** Reads the password from the process environment and answers questions from standard input. */
    public KeywardenAdmin() {
        this.environment = System::getenv;
        this.console = null;
    }

    /**
     * For tests and embedding: the environment to read {@code KEYWARDEN_ADMIN_PASSWORD} from, and
     * where the answers to questions (e.g. {@code confirm-backup}) come from.
     */
    public KeywardenAdmin(Map<String, String> environment, Reader console) {
        Map<String, String> env = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.environment = env::get;
        this.console = Objects.requireNonNull(console, "console");
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new KeywardenAdmin()).execute(args));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    Function<String, String> environment() {
        return environment;
    }

    /** Where answers to questions are read from (standard input unless given). */
    BufferedReader console() {
        if (consoleReader == null) {
            consoleReader = console != null ? new BufferedReader(console)
                    : new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        }
        return consoleReader;
    }

    int timeoutSeconds() {
        return Math.max(1, timeoutSeconds);
    }

    /** The version from the jar manifest, or "development". */
    static String version() {
        String v = KeywardenAdmin.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"keywarden-admin " + version()};
        }
    }
}
