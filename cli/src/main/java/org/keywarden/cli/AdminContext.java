package org.keywarden.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.keywarden.cli.api.AdminApi;
import org.keywarden.cli.api.BasicCredentials;
import org.keywarden.client.HttpClientFactory;

/** What one command run works with: the admin API (created on first use), the console and the output mode. */
final class AdminContext {
    private final KeywardenAdmin options;
    private final PrintWriter out;
    private final PrintWriter err;
    private AdminApi api;

    AdminContext(KeywardenAdmin options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** {@code --json}: print the raw answers only. */
    boolean json() {
        return options.json;
    }

    String user() {
        return options.user;
    }

    /** Prints a raw JSON answer on a line of its own. */
    void printJson(String body) {
        out.println(body == null ? "" : body.strip());
        out.flush();
    }

    /** One line of standard input (a new user's password, say), or null when there is none. */
    String readLine() {
        try {
            return options.console().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks a yes/no question on stderr; anything but y/yes (or no answer at all) is no. */
    boolean confirm(String question) {
        err.print(question + " [y/N] ");
        err.flush();
        String answer;
        try {
            answer = options.console().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (answer == null) {
            err.println();
            err.println("(no answer on standard input; use --yes when not interactive)");
            return false;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    /** The admin API client; reads the password and builds the HTTP client on first use. */
    AdminApi api() {
        if (api == null) {
            java.net.URI server = org.keywarden.client.ServerAddress.check(server(), options.allowPlainHttp);
            String pin = options.serverCertificateSha256 == null || options.serverCertificateSha256.isBlank() ? null
                    : options.serverCertificateSha256;
            char[] password = Passwords.read(options.passwordFile, options.environment());
            try {
                if (options.insecure && pin == null) {
                    err.println("WARNING: --insecure: the server's TLS certificate and host name are not checked;"
                            + " use only with a development server");
                    err.flush();
                }
                char[] storePassword = options.trustStorePassword == null ? null
                        : options.trustStorePassword.toCharArray();
                HttpClient http = HttpClientFactory.create(options.insecure, options.trustStore, storePassword, pin,
                        Duration.ofSeconds(Math.min(options.timeoutSeconds(), 30)));
                api = new AdminApi(server, http, new BasicCredentials(options.user, password),
                        Duration.ofSeconds(options.timeoutSeconds()), "keywarden-admin/" + KeywardenAdmin.version());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return api;
    }

    private URI server() {
        return options.server;
    }
}
