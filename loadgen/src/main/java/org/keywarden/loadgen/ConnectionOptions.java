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
