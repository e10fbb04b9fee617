package org.keywarden.agent.windows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs scripts in Windows PowerShell 5.1: {@code powershell.exe -NoProfile -NonInteractive -ExecutionPolicy
 * Bypass -EncodedCommand <UTF-16LE base64>}, so no quoting or code page touches the script, with output
 * forced to UTF-8, standard input closed, a time limit, and exit code and standard error kept.
 * The 64-bit {@code powershell.exe} is used (through {@code Sysnative} from a 32-bit Java), since a
 * 32-bit process would be redirected to {@code SysWOW64}.
 */
public final class ProcessPowerShell implements PowerShell {
    /** Put before every script: stop at the first error, no progress records, UTF-8 output. */
    static final String PREAMBLE = "$ErrorActionPreference = 'Stop'\n"
            + "$ProgressPreference = 'SilentlyContinue'\n"
            + "[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false\n";
    private static final int MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

    private final List<String> executable;

    /** The given executable (and leading arguments) instead of {@code powershell.exe}. */
    public ProcessPowerShell(List<String> executable) {
        this.executable = List.copyOf(executable);
    }

    /** Windows PowerShell of this machine. */
    public static ProcessPowerShell windows() {
        String root = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
        boolean java32 = "32".equals(System.getProperty("sun.arch.data.model"));
        String system = java32 ? "Sysnative" : "System32";
        return new ProcessPowerShell(List.of(root + "\\" + system + "\\WindowsPowerShell\\v1.0\\powershell.exe"));
    }

    /** The command line for a script (the script itself only in encoded form). */
    List<String> commandLine(String script) {
        List<String> command = new ArrayList<>(executable);
        command.addAll(List.of("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand",
                Base64.getEncoder().encodeToString((PREAMBLE + script).getBytes(StandardCharsets.UTF_16LE))));
        return command;
    }

    @Override
    public Result run(String operation, String script, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(commandLine(script)).start();
        } catch (IOException e) {
            throw new PowerShellException("cannot start PowerShell (" + executable.get(0) + ") for " + operation
                    + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = drainInThread(process.getInputStream(), operation + "-stdout");
            CompletableFuture<byte[]> err = drainInThread(process.getErrorStream(), operation + "-stderr");
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new PowerShellException("PowerShell did not finish " + operation + " within "
                        + timeout.toSeconds() + " s; it was stopped");
            }
            return new Result(process.exitValue(), decode(out), decode(err));
        } catch (IOException e) {
            kill(process);
            throw new PowerShellException("PowerShell failed for " + operation + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new PowerShellException("interrupted while PowerShell ran " + operation, e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String decode(CompletableFuture<byte[]> stream) throws IOException, InterruptedException {
        try {
            return new String(stream.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("its output could not be read", e);
        }
    }

    /** Reads a stream to its end in a thread of its own (not the common pool, whose threads may be few). */
    private static CompletableFuture<byte[]> drainInThread(InputStream in, String name) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(drain(in));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "powershell-" + name);
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static byte[] drain(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (bytes.size() + n > MAX_OUTPUT_BYTES) {
                    throw new IOException("more than " + MAX_OUTPUT_BYTES + " bytes of output");
                }
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
