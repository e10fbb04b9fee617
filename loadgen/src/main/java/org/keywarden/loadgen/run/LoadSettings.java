package org.keywarden.loadgen.run;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a load run is told. Holds the enrollment secret, which {@link #toString()} leaves out.
 *
 * @param server            the application's root URL
 * @param enrollmentSecret  secret
 * @param devices           devices enrolled before the run
 * @param concurrency       requests in flight (= workers)
 * @param durationSeconds   measured duration, or 0 when {@code requests} bounds the run
 * @param requests          measured requests, or 0 when {@code durationSeconds} bounds the run
 * @param rate              target requests per second over all workers, 0 = as fast as possible
 * @param mix               operation weights
 * @param volumesPerDevice  BitLocker volumes of each simulated device
 * @param warmupSeconds     run but not recorded, before the measurement
 * @param timeoutSeconds    timeout of each request
 * @param insecure          trust any TLS certificate
 * @param initialKeys       escrow one key per volume while setting up, so check-ins list escrowed protectors
 * @param progressSeconds   progress line interval on stderr, 0 = none
 */
public record LoadSettings(URI server, String enrollmentSecret, int devices, int concurrency, int durationSeconds,
                           long requests, double rate, OperationMix mix, int volumesPerDevice, int warmupSeconds,
                           int timeoutSeconds, boolean insecure, boolean initialKeys, int progressSeconds) {

    public LoadSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mix, "mix");
        if ((durationSeconds > 0) == (requests > 0)) {
            throw new IllegalArgumentException("exactly one of duration and requests must bound the run");
        }
    }

    /** Whether the run is paced at a fixed rate (open loop). */
    public boolean paced() {
        return rate > 0;
    }

    @Override
    public String toString() {
        return "LoadSettings[server=" + server + ", devices=" + devices + ", concurrency=" + concurrency
                + (durationSeconds > 0 ? ", duration=" + durationSeconds + "s" : ", requests=" + requests)
                + ", rate=" + rate + ", mix=" + mix + ", volumesPerDevice=" + volumesPerDevice
                + ", warmup=" + warmupSeconds + "s]";
    }
}
