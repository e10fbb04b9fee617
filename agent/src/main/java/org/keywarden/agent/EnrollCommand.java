package org.keywarden.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keywarden.agent.api.EnrollRequest;
import org.keywarden.agent.api.EnrollResponse;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.AgentStateException;
import org.keywarden.agent.state.DeviceIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code enroll}: POST /api/v1/devices, then stores the device id and token. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll this device with the server and store its device id and token.")
final class EnrollCommand extends AgentCommand {
    static final String SECRET_ENV = "KEYWARDEN_ENROLLMENT_SECRET";

    @Option(names = "--secret", paramLabel = "S",
            description = "Enrollment secret (visible in the process list; prefer --secret-file or env "
                    + SECRET_ENV + ").")
    String secret;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the enrollment secret.")
    Path secretFile;

    @Option(names = "--hostname", paramLabel = "H", required = true, description = "Host name, e.g. PC-0042.")
    String hostname;

    @Option(names = "--domain", paramLabel = "D", description = "Domain, e.g. CORP.")
    String domain;

    @Option(names = "--serial", paramLabel = "X", description = "Serial number.")
    String serialNumber;

    @Option(names = "--os-version", paramLabel = "V", description = "OS version, e.g. 10.0.22631.")
    String osVersion;

    @Option(names = "--user", paramLabel = "DOMAIN\\name", description = "Associated user (repeatable).")
    List<String> users = new ArrayList<>();

    @Option(names = "--migrated-from-mbam", description = "The device comes from MBAM (the server rotates its keys).")
    boolean migratedFromMbam;

    @Option(names = "--force", description = "Enroll again although this state directory is enrolled "
            + "(the server makes a new device; escrow records are reset).")
    boolean force;

    @Override
    protected int execute(AgentContext ctx) {
        AgentState state = ctx.state();
        if (state.isEnrolled() && !force) {
            throw new AgentStateException("already enrolled as device " + state.deviceId().orElse("?")
                    + " (use --force to enroll again as a new device)");
        }
        EnrollRequest request = new EnrollRequest(enrollmentSecret(), hostname, domain, serialNumber, osVersion,
                users, migratedFromMbam);
        EnrollResponse response = ctx.api().enroll(request);
        state.saveEnrollment(new DeviceIdentity(response.deviceId(), ctx.serverUrl().toString(), hostname, domain,
                serialNumber, osVersion, users, Instant.now()), response.deviceToken());
        ctx.out().println("Enrolled " + hostname + " as device " + response.deviceId()
                + "; token stored in " + state.tokenFile());
        return ExitCodes.OK;
    }

    private String enrollmentSecret() {
        if (secret != null && secretFile != null) {
            throw new IllegalArgumentException("give either --secret or --secret-file, not both");
        }
        String value = secret;
        if (value == null && secretFile != null) {
            try {
                value = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new AgentStateException("cannot read secret file " + secretFile + ": " + e.getClass().getSimpleName());
            }
        }
        if (value == null) {
            value = System.getenv(SECRET_ENV);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("enrollment secret missing: use --secret, --secret-file or env " + SECRET_ENV);
        }
        return value;
    }
}
