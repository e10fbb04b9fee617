package org.keywarden.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.keywarden.agent.api.EnrollRequest;
import org.keywarden.agent.api.EnrollResponse;
import org.keywarden.agent.device.MachineFacts;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.AgentStateException;
import org.keywarden.agent.state.DeviceIdentity;

/** Enrolls the device (POST /api/v1/devices) and stores its id and token. */
final class Enrollment {
    static final String SECRET_ENV = "KEYWARDEN_ENROLLMENT_SECRET";
    /** Where {@code install.ps1} leaves the enrollment secret; deleted once the PC enrolled. */
    static final String SECRET_FILE = "enrollment-secret";

    private Enrollment() {
    }

    static void enroll(AgentContext ctx, MachineFacts facts, String secret, boolean migratedFromMbam) {
        AgentState state = ctx.state();
        EnrollRequest request = new EnrollRequest(secret, facts.hostname(), facts.domain(), facts.serialNumber(),
                facts.osVersion(), facts.users(), migratedFromMbam);
        EnrollResponse response = ctx.api().enroll(request);
        state.saveEnrollment(new DeviceIdentity(response.deviceId(), ctx.serverUrl().toString(), facts.hostname(),
                facts.domain(), facts.serialNumber(), facts.osVersion(), facts.users(), Instant.now()),
                response.deviceToken());
        ctx.out().println("Enrolled " + facts.hostname() + " as device " + response.deviceId()
                + "; token stored in " + state.tokenFile());
    }

    /**
     * The enrollment secret from {@code --secret}, {@code --secret-file}, env {@value #SECRET_ENV} or
     * {@code enrollment-secret} in the state directory, in that order.
     */
    static String secret(String given, Path file, AgentState state) {
        if (given != null && file != null) {
            throw new IllegalArgumentException("give either --secret or --secret-file, not both");
        }
        String value = given;
        if (value == null && file != null) {
            value = read(file);
        }
        if (value == null) {
            value = System.getenv(SECRET_ENV);
        }
        Path left = state.directory().resolve(SECRET_FILE);
        if ((value == null || value.isBlank()) && Files.isRegularFile(left)) {
            value = read(left);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("enrollment secret missing: use --secret, --secret-file, env "
                    + SECRET_ENV + " or " + left);
        }
        return value;
    }

    /** Deletes the secret {@code install.ps1} left in the state directory: an enrolled PC needs it no more. */
    static void forgetLeftSecret(AgentState state) {
        try {
            Files.deleteIfExists(state.directory().resolve(SECRET_FILE));
        } catch (IOException e) {
            throw new AgentStateException("enrolled, but cannot delete " + state.directory().resolve(SECRET_FILE)
                    + ": " + e.getClass().getSimpleName());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AgentStateException("cannot read secret file " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
