package org.keywarden.it;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.keywarden.cli.KeywardenAdmin;
import picocli.CommandLine;

/** {@code keywarden-admin}, run in this JVM against the server under test as the first administrator. */
final class AdminCli {
    /** What one command printed and returned. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private AdminCli() {
    }

    static Run run(String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "--server";
        args[1] = Keywarden.baseUrl();
        System.arraycopy(command, 0, args, 2, command.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new KeywardenAdmin(Map.of("KEYWARDEN_ADMIN_PASSWORD", Keywarden.adminPassword()),
                new StringReader(""))).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
