package org.keywarden.agent;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.keywarden.agent.api.DeviceApi;
import org.keywarden.agent.device.LocalMachine;
import org.keywarden.agent.device.Machine;
import org.keywarden.agent.windows.PowerShell;
import org.keywarden.agent.windows.WindowsBitLocker;
import org.keywarden.agent.windows.WindowsMachine;
import org.keywarden.agent.api.DeviceCredential;
import org.keywarden.client.HttpClientFactory;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.AgentStateException;

/** What one command execution works with: the loaded state, the device API, and the console. */
final class AgentContext {
    static final URI DEFAULT_SERVER = URI.create("http://localhost:8080");

    private final KeywardenAgent options;
    private final AgentState state;
    private final SecureRandom random;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Machine machine;
    private DeviceApi api;

    AgentContext(KeywardenAgent options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.random = new SecureRandom();
        if (options.usesWindowsBitLocker()) {
            PowerShell shell = options.powerShell();
            this.state = AgentState.load(options.stateDirectory(), random, new WindowsBitLocker(shell));
            this.machine = new WindowsMachine(shell);
        } else {
            this.state = AgentState.load(options.stateDirectory(), random);
            this.machine = new LocalMachine();
        }
        this.out = out;
        this.err = err;
    }

    /** The PC the agent runs on. */
    Machine machine() {
        return machine;
    }

    AgentState state() {
        return state;
    }

    SecureRandom random() {
        return random;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** {@code --server} if given, else the server the device enrolled with, else localhost:8080. */
    URI serverUrl() {
        if (options.server() != null) {
            return options.server();
        }
        return state.identity().map(i -> i.serverUrl()).filter(s -> s != null && !s.isBlank())
                .map(URI::create).orElse(DEFAULT_SERVER);
    }

    /** The device API client, created on first use (with the {@code --insecure} warning). */
    DeviceApi api() {
        if (api == null) {
            URI server = org.keywarden.client.ServerAddress.check(serverUrl(), options.allowPlainHttp());
            if (options.insecure() && options.serverCertificateSha256() == null) {
                err.println("WARNING: --insecure: the server's TLS certificate and host name are not checked;"
                        + " use only with a development server");
                err.flush();
            }
            Path trustStore = options.trustStore();
            char[] password = options.trustStorePassword() == null ? null : options.trustStorePassword().toCharArray();
            HttpClient http = HttpClientFactory.create(options.insecure(), trustStore, password,
                    options.serverCertificateSha256(), Duration.ofSeconds(Math.min(options.timeoutSeconds(), 30)));
            api = new DeviceApi(server, http, Duration.ofSeconds(options.timeoutSeconds()),
                    "keywarden-agent/" + KeywardenAgent.version());
        }
        return api;
    }

    /** The enrolled device's credential. */
    DeviceCredential credential() {
        if (!state.isEnrolled()) {
            throw new AgentStateException("not enrolled (no device id and token in " + state.directory()
                    + "): run enroll first");
        }
        return new DeviceCredential(state.deviceId().orElseThrow(), state.deviceToken().orElseThrow());
    }
}
