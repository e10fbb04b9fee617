package org.keywarden.loadgen.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.keywarden.loadgen.device.SimulatedDevice;
import org.keywarden.loadgen.device.SimulatedVolume;

/**
 * Enrolls the fleet before the measurement, {@code concurrency} at a time, and (optionally)
 * escrows a first recovery key for each volume. Gives up early when a whole first wave of
 * enrollments failed without a single success, so an unreachable server or a wrong secret is
 * reported in seconds rather than after trying every device.
 */
final class FleetSetup {
    private final DeviceOperations operations;
    private final DeviceFleet fleet;
    private final int concurrency;

    FleetSetup(DeviceOperations operations, DeviceFleet fleet, int concurrency) {
        this.operations = operations;
        this.fleet = fleet;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * @throws RuntimeException when a local error stopped the setup (the ledger could not be written)
     */
    SetupResult enroll(int devices, boolean initialKeys) throws InterruptedException {
        long start = System.nanoTime();
        List<SimulatedDevice> enrolled = Collections.synchronizedList(new ArrayList<>(devices));
        Map<String, Long> enrollErrors = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Long> keyErrors = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger keys = new AtomicInteger();
        AtomicBoolean abandon = new AtomicBoolean();
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        int firstWave = Math.min(concurrency, devices);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.min(concurrency, Math.max(1, devices)); t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!abandon.get() && next.getAndIncrement() < devices) {
                        DeviceOperations.Enrolled result = operations.enroll();
                        if (result.outcome().answered()) {
                            answered.incrementAndGet();
                        }
                        if (result.device() == null) {
                            enrollErrors.merge(result.outcome().errorKey(), 1L, Long::sum);
                            if (failures.incrementAndGet() >= firstWave && enrolled.isEmpty()) {
                                abandon.set(true);
                            }
                            continue;
                        }
                        enrolled.add(result.device());
                        if (initialKeys) {
                            for (SimulatedVolume v : result.device().volumes()) {
                                Outcome o = operations.escrow(result.device(), v);
                                if (Operation.ESCROW.succeeded(o.status())) {
                                    keys.incrementAndGet();
                                } else {
                                    keyErrors.merge(o.errorKey(), 1L, Long::sum);
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    fatal.compareAndSet(null, e);
                    abandon.set(true);
                }
            }, "enroll-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        fleet.set(enrolled);
        SetupResult.Failure failure = SetupResult.Failure.NONE;
        if (devices > 0 && enrolled.isEmpty()) {
            failure = answered.get() == 0 ? SetupResult.Failure.UNREACHABLE : SetupResult.Failure.REJECTED;
        }
        return new SetupResult(devices, enrolled.size(), Map.copyOf(enrollErrors), keys.get(), Map.copyOf(keyErrors),
                (System.nanoTime() - start) / 1e9, failure);
    }
}
