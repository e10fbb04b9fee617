package org.keywarden.cli;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs keywarden-admin in-process and captures exit code, stdout and stderr. */
record AdminRun(int exitCode, String out, String err) {

    static AdminRun of(Map<String, String> environment, String console, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new KeywardenAdmin(environment, new StringReader(console)));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int rc = cmd.execute(args);
        return new AdminRun(rc, out.toString(), err.toString());
    }

    String all() {
        return out + err;
    }
}
