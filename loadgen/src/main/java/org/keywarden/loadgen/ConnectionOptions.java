package org.keywarden.loadgen;

import java.net.http.HttpClient;
import java.time.Duration;
import org.keywarden.client.HttpClientFactory;
import picocli.CommandLine.Option;

/** TLS and timeout options shared by the load run and verify. */
public final class ConnectionOptions {
    @Option(names = "--insecure",
            description = "With https: accept any certificate and host name (self-signed test servers only).")
    boolean insecure;

    @Option(names = "--new-connection-per-request",
            description = "Open a new connection (with https: a new TLS connection, resumed when the server allows "
                    + "it) for every request, as agents that check in every 90 minutes do, instead of keep-alive.")
    boolean newConnectionPerRequest;

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "10",
            description = "Timeout of each request (and of opening a connection). Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    HttpClient client() {
        return HttpClientFactory.create(insecure, timeout());
    }
}
