package org.keywarden.loadgen.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.keywarden.loadgen.http.DeviceEndpoints;

/**
 * Re-sends each ledger entry's escrow, identical (same device token, key id and password), and
 * tallies the answers (see {@link VerifyTally}). Not read-only: a lost key is stored by its re-send.
 * Entries with no answer or a 5xx/429 are retried a few times with a pause, since a verification
 * usually runs right after a server restart.
 */
public final class LedgerVerifier {
    private final URI serverOverride;
    private final Duration timeout;
    private final int concurrency;
    private final int retries;
    private final Duration retryPause;
    private final Function<URI, HttpClient> clients;
    private final Map<URI, DeviceEndpoints> endpoints = new ConcurrentHashMap<>();

    /**
     * @param serverOverride send everything here instead of to each entry's recorded server, or {@code null}
     * @param clients        creates the HTTP client for a server URL
     */
    public LedgerVerifier(URI serverOverride, Duration timeout, int concurrency, int retries, Duration retryPause,
                          Function<URI, HttpClient> clients) {
        this.serverOverride = serverOverride;
        this.timeout = timeout;
        this.concurrency = Math.max(1, concurrency);
        this.retries = Math.max(0, retries);
        this.retryPause = retryPause;
        this.clients = clients;
    }

    public VerifyTally verify(LedgerReader.Contents ledger) throws InterruptedException {
        VerifyTally tally = new VerifyTally();
        tally.ledger(ledger.entries().size(), ledger.malformedLines());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<LedgerEntry> entries = ledger.entries();
            for (LedgerEntry entry : entries) {
                pool.execute(() -> check(entry, tally));
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                // keep waiting: every request has a timeout, so this ends
            }
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }

    private void check(LedgerEntry entry, VerifyTally tally) {
        URI server = serverOverride != null ? serverOverride : URI.create(entry.server());
        DeviceEndpoints api = endpoints.computeIfAbsent(server,
                s -> new DeviceEndpoints(s, clients.apply(s), timeout));
        int status = -1;
        String cause = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0 && !pause()) {
                cause = "InterruptedException";
                break;
            }
            try {
                HttpResponse<String> response = api.escrow(entry.deviceId(), entry.deviceToken(), entry.escrow());
                status = response.statusCode();
                cause = null;
                if (status < 500 && status != 429) {
                    break;
                }
            } catch (IOException e) {
                status = -1;
                cause = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -1;
                cause = "InterruptedException";
                break;
            } catch (IllegalArgumentException e) {
                status = -1;
                cause = "bad server URL";
                break;
            }
        }
        tally.record(entry.recoveryKeyId(), status, cause);
    }

    private boolean pause() {
        try {
            Thread.sleep(retryPause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
