package org.keywarden.loadgen.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.keywarden.loadgen.device.SimulatedDevice;

/**
 * The enrolled simulated devices, and the names of new ones. Host names are {@code LG<run tag>-<n>}
 * (15 characters for up to a million devices, like a NetBIOS name) so runs do not collide.
 */
public final class DeviceFleet {
    static final String DOMAIN = "LOADGEN";

    private final String runTag;
    private final AtomicInteger nextNumber;
    private volatile List<SimulatedDevice> devices = List.of();

    DeviceFleet(String runTag, int firstNumber) {
        this.runTag = runTag;
        this.nextNumber = new AtomicInteger(firstNumber);
    }

    /** A host name no device of this run has had yet. */
    String newHostname() {
        return String.format("LG%s-%06d", runTag, nextNumber.getAndIncrement());
    }

    void set(List<SimulatedDevice> enrolled) {
        devices = List.copyOf(enrolled);
    }

    public List<SimulatedDevice> devices() {
        return devices;
    }
}
