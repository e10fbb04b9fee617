package org.keywarden.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keywarden.agent.ExitCodes;
import org.keywarden.agent.KeywardenAgent;
import picocli.CommandLine;

/** Every recorded failure of PowerShell itself gives the agent's user one clear line and the local-error exit code. */
class WindowsErrorsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "access-denied-de | Zugriff verweigert | WBEM_E_ACCESS_DENIED: access denied; the agent must run as SYSTEM",
        "clixml-error     | Get-CimInstance : Ungültiger Namespace | WBEM_E_INVALID_NAMESPACE",
        "not-json         | PowerShell printed no JSON for volumes | WARNUNG: Das Modul wurde mit einer älteren"})
    void aFailureIsOneClearLine(String pc, String said, String explained) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KeywardenAgent(new ReplayingPowerShell(pc)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("--state", tmp.resolve("state").toString(), "status");
        assertEquals(ExitCodes.LOCAL_ERROR, exit, out + "\n" + err);
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("error: PowerShell "), line);
        assertTrue(line.contains(said), line);
        assertTrue(line.contains(explained), line);
    }
}
