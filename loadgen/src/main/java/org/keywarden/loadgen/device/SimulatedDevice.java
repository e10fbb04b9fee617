package org.keywarden.loadgen.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An enrolled simulated device: its id, its bearer token (secret: {@link #toString()} hides it) and
 * its volumes. Safe to use from several threads at once.
 */
public final class SimulatedDevice {
    private final String hostname;
    private final String deviceId;
    private final String token;
    private final List<SimulatedVolume> volumes;

    public SimulatedDevice(String hostname, String deviceId, String token, int volumeCount) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.token = Objects.requireNonNull(token, "token");
        List<SimulatedVolume> v = new ArrayList<>(volumeCount);
        for (int i = 0; i < volumeCount; i++) {
            v.add(new SimulatedVolume(i));
        }
        this.volumes = List.copyOf(v);
    }

    public String hostname() {
        return hostname;
    }

    public String deviceId() {
        return deviceId;
    }

    /** The device's bearer token. Secret: never print it. */
    public String token() {
        return token;
    }

    public List<SimulatedVolume> volumes() {
        return volumes;
    }

    @Override
    public String toString() {
        return "SimulatedDevice[" + hostname + ", " + deviceId + "]";
    }
}
