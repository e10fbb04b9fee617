package org.keywarden.agent.windows;

import java.time.Duration;

/**
 * Runs a PowerShell script and returns what it printed: the one Windows-specific seam of the agent.
 * {@link ProcessPowerShell} runs {@code powershell.exe}; tests replay outputs recorded for each script.
 */
public interface PowerShell {

    /**
     * Runs the script.
     *
     * @param operation a short name of what the script does (for example {@code volumes}), for messages
     *                  and for replaying recorded outputs; never holds a secret
     * @param script    the script text; it may hold a secret only where the operation says so
     * @param timeout   the time limit, after which the process is killed
     * @throws PowerShellException if the script could not be started or ran out of time
     */
    Result run(String operation, String script, Duration timeout);

    /**
     * What a script printed.
     *
     * @param exitCode the process exit code
     * @param stdout   standard output, decoded as UTF-8
     * @param stderr   standard error, decoded as UTF-8
     */
    record Result(int exitCode, String stdout, String stderr) {
        public Result {
            stdout = stdout == null ? "" : stdout;
            stderr = stderr == null ? "" : stderr;
        }
    }
}
