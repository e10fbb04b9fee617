package org.keywarden.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keywarden.agent.device.MachineFacts;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.AgentStateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code enroll}: POST /api/v1/devices, then stores the device id and token. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll this device with the server and store its device id and token.")
final class EnrollCommand extends AgentCommand {

    @Option(names = "--secret", paramLabel = "S",
            description = "Enrollment secret (visible in the process list; prefer --secret-file or env "
                    + Enrollment.SECRET_ENV + ").")
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
        Enrollment.enroll(ctx, new MachineFacts(hostname, domain, serialNumber, osVersion, users),
                Enrollment.secret(secret, secretFile, state), migratedFromMbam);
        return ExitCodes.OK;
    }
}
