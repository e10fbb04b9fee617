package org.keywarden.cli;

import java.io.PrintWriter;
import org.keywarden.cli.api.AdminApiException;
import org.keywarden.cli.api.FieldError;
import org.keywarden.cli.api.ProblemException;

/** Maps failures to {@code error: ...} lines (never containing the password) and exit codes. */
final class Failures {
    private Failures() {
    }

    static int exitCode(RuntimeException e) {
        if (e instanceof ProblemException) {
            return ExitCodes.SERVER_REJECTED;
        }
        if (e instanceof AdminApiException) {
            return ExitCodes.SERVER_UNREACHABLE;
        }
        return ExitCodes.LOCAL_ERROR;
    }

    static void print(RuntimeException e, String user, PrintWriter err) {
        if (e instanceof ProblemException p) {
            err.println("error: " + headline(p, user));
            for (FieldError f : p.errors()) {
                err.println("  " + (f.field() == null ? "-" : f.field()) + ": " + f.message());
            }
        } else {
            String m = e.getMessage();
            err.println("error: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m));
        }
        err.flush();
    }

    /** {@code HTTP <status> <title>: <detail>}, with a plain explanation for 401 and a detail-less 403. */
    static String headline(ProblemException p, String user) {
        StringBuilder sb = new StringBuilder("HTTP ").append(p.status());
        if (p.title() != null && !p.title().isBlank()) {
            sb.append(' ').append(p.title());
        }
        String detail = p.detail();
        if (p.status() == 401) {
            detail = "the user name or password is wrong (user '" + user + "')";
        } else if (p.status() == 403 && (detail == null || detail.isBlank())) {
            detail = "user '" + user + "' is not an administrator (needs the ADMIN role)";
        }
        if (detail != null && !detail.isBlank() && !detail.equals(p.title())) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
