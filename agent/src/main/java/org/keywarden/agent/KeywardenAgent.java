package org.keywarden.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.keywarden.agent.windows.PowerShell;
import org.keywarden.agent.windows.ProcessPowerShell;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Keywarden reference agent: behaves like a Windows device with BitLocker against the Keywarden
 * device API (enroll, escrow recovery keys, report the TPM owner hash, check in, rotate keys).
 *
 * <h2>Use from a test, in-process</h2>
 * <pre>{@code
 * int rc = new CommandLine(new KeywardenAgent()).execute(
 *         "--server", "http://localhost:8080", "--state", dir.toString(),
 *         "enroll", "--secret", secret, "--hostname", "PC-0042", "--domain", "CORP");
 * rc = new CommandLine(new KeywardenAgent()).execute("--state", dir.toString(), "add-volume", "--type", "OS");
 * rc = new CommandLine(new KeywardenAgent()).execute("--state", dir.toString(), "checkin");
 * AgentState state = AgentState.load(dir);   // org.keywarden.agent.state.AgentState
 * String deviceId = state.deviceId().orElseThrow();
 * List<String> keyIds = state.recoveryPasswordProtectorIds();
 * }</pre>
 * Global options go before the subcommand. Capture output with {@code CommandLine.setOut/setErr}.
 * Exit codes are in {@link ExitCodes}: 0 success, 1 the server answered with an error status,
 * 2 bad command line, 3 server unreachable, 4 local problem (for example not enrolled).
 * Neither the device token nor any recovery password is ever written to stdout or stderr.
 */
@Command(name = "keywarden-agent", mixinStandardHelpOptions = true, versionProvider = KeywardenAgent.Version.class,
        description = "Keywarden agent: escrows this PC's BitLocker recovery keys and rotates them on request "
                + "(on Windows through WMI; elsewhere a simulated BitLocker device for tests and development).",
        subcommands = {EnrollCommand.class, AddVolumeCommand.class, EscrowCommand.class, TpmCommand.class,
            CheckInCommand.class, ActionsCommand.class, StatusCommand.class, RunCommand.class})
public class KeywardenAgent implements Callable<Integer> {
    /** Which BitLocker the agent works with. */
    public enum BitLockerKind { AUTO, WINDOWS, SIMULATED }

    private final PowerShell powerShell;

    @Spec
    CommandSpec spec;

    @Option(names = "--bitlocker", paramLabel = "KIND", defaultValue = "AUTO",
            description = "WINDOWS (this PC's BitLocker over WMI), SIMULATED (volumes kept in the state directory) or "
                    + "AUTO: WINDOWS on Windows, else SIMULATED. Default: ${DEFAULT-VALUE}.")
    BitLockerKind bitLocker;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Also append every line the agent prints, time-stamped, to this file (rotated at 1 MiB, "
                    + "5 kept).")
    Path logFile;

    /** The agent of this machine: Windows PowerShell on Windows. */
    public KeywardenAgent() {
        this(null);
    }

    /** An agent whose Windows BitLocker runs its scripts in this PowerShell (tests replay recorded outputs). */
    public KeywardenAgent(PowerShell powerShell) {
        this.powerShell = powerShell;
    }

    @Option(names = "--server", paramLabel = "URL",
            description = "Keywarden root URL (the API is under /api/v1 below it). Default: the server the device "
                    + "enrolled with, else http://localhost:8080.")
    URI server;

    @Option(names = "--state", paramLabel = "DIR",
            description = "State directory (device id, token, escrow records; the simulated volumes). Default: "
                    + "%%ProgramData%%\\Keywarden\\Agent with the Windows BitLocker, else agent-state.")
    Path stateDirectory;

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
            description = "Allow http:// to a host other than this machine (the token then crosses the network in "
                    + "clear: only behind a TLS proxy on a trusted network).")
    boolean allowPlainHttp;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Certificates to trust: a PEM/DER file (.pem, .crt, .cer) or a PKCS12/JKS key store.")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PASSWORD",
            defaultValue = "${env:KEYWARDEN_TRUST_STORE_PASSWORD}",
            description = "Key store password (default: env KEYWARDEN_TRUST_STORE_PASSWORD).")
    String trustStorePassword;

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "30",
            description = "Timeout of each HTTP request. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    /** Runs the agent and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new KeywardenAgent()).execute(args));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    URI server() {
        return server;
    }

    Path stateDirectory() {
        if (stateDirectory != null) {
            return stateDirectory;
        }
        String programData = System.getenv("ProgramData");
        return usesWindowsBitLocker() && programData != null
                ? Path.of(programData, "Keywarden", "Agent") : Path.of("agent-state");
    }

    /** Whether the agent works with the PC's own BitLocker. */
    boolean usesWindowsBitLocker() {
        return switch (bitLocker == null ? BitLockerKind.AUTO : bitLocker) {
            case WINDOWS -> true;
            case SIMULATED -> false;
            case AUTO -> powerShell != null || System.getProperty("os.name", "").startsWith("Windows");
        };
    }

    /** The PowerShell the Windows BitLocker runs its scripts in. */
    PowerShell powerShell() {
        return powerShell != null ? powerShell : ProcessPowerShell.windows();
    }

    Path logFile() {
        return logFile;
    }

    boolean insecure() {
        return insecure;
    }

    Path trustStore() {
        return trustStore;
    }

    String serverCertificateSha256() {
        return serverCertificateSha256 == null || serverCertificateSha256.isBlank() ? null : serverCertificateSha256;
    }

    boolean allowPlainHttp() {
        return allowPlainHttp;
    }

    String trustStorePassword() {
        return trustStorePassword;
    }

    int timeoutSeconds() {
        return Math.max(1, timeoutSeconds);
    }

    /** The agent's version (from the jar manifest), or "development". */
    static String version() {
        String v = KeywardenAgent.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"keywarden-agent " + version()};
        }
    }
}
