package org.keywarden.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that call the server: checks the global options, runs the command, and turns
 * any failure into {@code error: ...} lines on stderr and an {@link ExitCodes exit code}, the same
 * from {@code main} and from {@code new CommandLine(new KeywardenAdmin()).execute(...)}.
 */
abstract class AdminCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        KeywardenAdmin options = (KeywardenAdmin) spec.root().userObject();
        checkServer(options.server);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(new AdminContext(options, out, err));
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            Failures.print(e, options.user, err);
            return Failures.exitCode(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Does the command's work; returns its exit code. */
    protected abstract int execute(AdminContext ctx);

    /** A usage error (exit code 2) on this command. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void checkServer(URI server) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || server.getHost() == null) {
            throw new ParameterException(spec.root().commandLine(),
                    "--server must be an http:// or https:// URL with a host, not '" + server + "'");
        }
    }
}
