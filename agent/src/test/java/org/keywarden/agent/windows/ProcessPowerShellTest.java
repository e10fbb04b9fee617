package org.keywarden.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process side of the runner, with a shell script standing in for {@code powershell.exe} (none runs
 * here): the flags, the script encoded as UTF-16LE base64 after the preamble, UTF-8 output, exit code and
 * standard error kept, and the time limit.
 */
class ProcessPowerShellTest {
    @TempDir
    Path tmp;

    private ProcessPowerShell standIn(String body) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path exe = tmp.resolve("powershell");
        Files.writeString(exe, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return new ProcessPowerShell(List.of(exe.toString()));
    }

    @Test
    void theScriptArrivesEncodedAfterTheFlagsAndOutputIsUtf8() throws Exception {
        ProcessPowerShell shell = standIn("echo \"$1 $2 $3 $4 $5\"; printf '%s' \"$6\" | base64 -d > \"$(dirname \"$0\")/script\"; "
                + "printf 'Gr\\303\\274\\303\\237e\\n'; printf 'warnung\\n' >&2; exit 0");
        PowerShell.Result result = shell.run("volumes", "Write-Output 'Grüße'", Duration.ofSeconds(20));
        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().startsWith("-NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand\n"),
                result.stdout());
        assertTrue(result.stdout().contains("Grüße"), result.stdout());
        assertEquals("warnung\n", result.stderr());
        String script = new String(Files.readAllBytes(tmp.resolve("script")), java.nio.charset.StandardCharsets.UTF_16LE);
        assertEquals(ProcessPowerShell.PREAMBLE + "Write-Output 'Grüße'", script);
    }

    @Test
    void theExitCodeAndStandardErrorAreKept() throws Exception {
        PowerShell.Result result = standIn("echo 'Zugriff verweigert (HRESULT 0x80041003)' >&2; exit 1")
                .run("volumes", "x", Duration.ofSeconds(20));
        assertEquals(1, result.exitCode());
        assertTrue(WmiOutput.failure("volumes", result).contains("WBEM_E_ACCESS_DENIED"));
    }

    @Test
    void aScriptThatRunsTooLongIsStopped() throws Exception {
        ProcessPowerShell shell = standIn("exec sleep 60");
        long start = System.nanoTime();
        PowerShellException e = assertThrows(PowerShellException.class,
                () -> shell.run("volumes", "x", Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("did not finish volumes within 1 s"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30);
    }

    @Test
    void aMissingPowerShellIsAClearFailure() {
        PowerShellException e = assertThrows(PowerShellException.class, () -> new ProcessPowerShell(
                List.of(tmp.resolve("no-such-powershell.exe").toString())).run("volumes", "x", Duration.ofSeconds(5)));
        assertTrue(e.getMessage().startsWith("cannot start PowerShell"), e.getMessage());
    }
}
