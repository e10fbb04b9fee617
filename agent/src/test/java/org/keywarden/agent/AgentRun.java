package org.keywarden.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the agent in-process and captures exit code, stdout and stderr. */
record AgentRun(int exitCode, String out, String err) {

    static AgentRun of(String... args) {
        return with(null, args);
    }

    /** Runs an agent whose Windows BitLocker runs its scripts in this PowerShell. */
    static AgentRun with(org.keywarden.agent.windows.PowerShell shell, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new KeywardenAgent(shell));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        // without a replayed PowerShell the agent works with the simulated BitLocker, also on a Windows machine
        String[] all = args;
        if (shell == null) {
            all = new String[args.length + 2];
            all[0] = "--bitlocker";
            all[1] = "SIMULATED";
            System.arraycopy(args, 0, all, 2, args.length);
        }
        int rc = cmd.execute(all);
        return new AgentRun(rc, out.toString(), err.toString());
    }

    String all() {
        return out + err;
    }
}
