package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.keywarden.agent.KeywardenAgent;
import picocli.CommandLine;

/** The reference agent, run in this JVM against the server under test with one state directory. */
final class AgentRunner {

    private final Path state;

    AgentRunner(Path state) {
        this.state = state;
    }

    /** Runs one agent command, its output added to {@code output}; it must succeed. */
    void runWith(StringWriter output, String... command) {
        String[] args = new String[command.length + 6];
        args[0] = "--server";
        args[1] = Keywarden.baseUrl();
        args[2] = "--state";
        args[3] = state.toString();
        args[4] = "--bitlocker"; // the simulated BitLocker, also on a Windows machine
        args[5] = "SIMULATED";
        System.arraycopy(command, 0, args, 6, command.length);
        CommandLine cli = new CommandLine(new KeywardenAgent());
        PrintWriter out = new PrintWriter(output, true);
        cli.setOut(out);
        cli.setErr(out);
        int exit = cli.execute(args);
        assertEquals(0, exit, () -> String.join(" ", command) + " failed:\n" + output);
    }
}
