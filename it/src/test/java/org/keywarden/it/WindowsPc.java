package org.keywarden.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keywarden.agent.KeywardenAgent;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.windows.ReplayingPowerShell;
import picocli.CommandLine;

/**
 * A Windows PC replayed from a recording ({@code agent/src/test/resources/powershell/<pc>/}) with new GUIDs,
 * running the real agent with its Windows BitLocker against the server under test, as the scheduled task
 * would: {@code keywarden-agent --server ... run}.
 */
final class WindowsPc {
    /** What one run printed and returned. */
    record Run(int exitCode, String output) {
    }

    final ReplayingPowerShell powerShell;
    final Path state;

    WindowsPc(String recording, Path state) {
        this.powerShell = ReplayingPowerShell.fresh(recording);
        this.state = state;
    }

    /** Leaves the enrollment secret where {@code install.ps1} puts it. */
    WindowsPc withEnrollmentSecret() {
        try {
            Files.createDirectories(state);
            Files.writeString(state.resolve("enrollment-secret"), Keywarden.enrollmentSecret() + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    /** The agent's GUID for a GUID of the recording. */
    String id(String recorded) {
        return powerShell.real(recorded);
    }

    /** One {@code run} of the agent (with extra run options). */
    Run run(String... options) {
        List<String> args = new ArrayList<>(List.of("--server", Keywarden.baseUrl(), "--state", state.toString(),
                "--bitlocker", "WINDOWS", "run"));
        args.addAll(List.of(options));
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(new KeywardenAgent(powerShell));
        PrintWriter out = new PrintWriter(output, true);
        cli.setOut(out);
        cli.setErr(out);
        try {
            return new Run(cli.execute(args.toArray(String[]::new)), output.toString());
        } finally {
            powerShell.answeredSecrets().forEach(Secrets::remember);
            AgentState.load(state).deviceToken().ifPresent(Secrets::rememberToken);
        }
    }

    /** The device id the PC enrolled as. */
    String deviceId() {
        return AgentState.load(state).deviceId().orElseThrow();
    }

    /** The names of the commands run so far ({@code operation-GUID}, GUIDs of the recording). */
    List<String> commands() {
        return powerShell.names();
    }
}
