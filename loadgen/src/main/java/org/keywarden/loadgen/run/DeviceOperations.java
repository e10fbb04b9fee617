package org.keywarden.loadgen.run;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.keywarden.client.Guids;
import org.keywarden.client.RecoveryPasswords;
import org.keywarden.loadgen.device.SimulatedDevice;
import org.keywarden.loadgen.device.SimulatedVolume;
import org.keywarden.loadgen.http.DeviceEndpoints;
import org.keywarden.loadgen.http.EscrowRequest;
import org.keywarden.loadgen.http.JsonSupport;
import org.keywarden.loadgen.ledger.Ledger;
import org.keywarden.loadgen.ledger.LedgerEntry;

/**
 * Carries out one operation of a simulated device and updates the simulation from the answer: an
 * acknowledged escrow becomes the volume's current key (listed by check-ins, replaced by the next
 * escrow) and is appended to the ledger, if any.
 */
final class DeviceOperations {
    private final DeviceEndpoints api;
    private final String server;
    private final String enrollmentSecret;
    private final int volumesPerDevice;
    private final DeviceFleet fleet;
    private final Ledger ledger;

    DeviceOperations(DeviceEndpoints api, String server, String enrollmentSecret, int volumesPerDevice,
                     DeviceFleet fleet, Ledger ledger) {
        this.api = api;
        this.server = server;
        this.enrollmentSecret = enrollmentSecret;
        this.volumesPerDevice = volumesPerDevice;
        this.fleet = fleet;
        this.ledger = ledger;
    }

    /** The result of an enrollment: the device if it succeeded, and how the request ended. */
    record Enrolled(SimulatedDevice device, Outcome outcome) {
    }

    /** Runs {@code op} for a device drawn at random from the fleet. */
    Outcome perform(Operation op) throws InterruptedException {
        return switch (op) {
            case ENROLL -> enroll().outcome();
            case ESCROW -> escrow(randomDevice(), null);
            case CHECKIN -> checkIn(randomDevice());
            case HEALTH -> health();
        };
    }

    Enrolled enroll() throws InterruptedException {
        String hostname = fleet.newHostname();
        HttpResponse<String> response;
        try {
            response = api.enroll(enrollmentSecret, hostname, DeviceFleet.DOMAIN);
        } catch (IOException e) {
            return new Enrolled(null, Outcome.failed(e));
        }
        if (response.statusCode() != 201) {
            return new Enrolled(null, Outcome.answered(response.statusCode()));
        }
        try {
            JsonObject body = JsonSupport.parseObject(response.body());
            SimulatedDevice device = new SimulatedDevice(hostname, body.getString("deviceId"),
                    body.getString("deviceToken"), volumesPerDevice);
            return new Enrolled(device, Outcome.answered(201));
        } catch (RuntimeException e) {
            return new Enrolled(null, new Outcome(-1, "unreadable enrollment answer"));
        }
    }

    /**
     * Escrows a fresh key for {@code volume} (a random one of the device's when {@code null}),
     * replacing the volume's current key.
     */
    Outcome escrow(SimulatedDevice device, SimulatedVolume volume) throws InterruptedException {
        List<SimulatedVolume> volumes = device.volumes();
        SimulatedVolume v = volume != null ? volume : volumes.get(ThreadLocalRandom.current().nextInt(volumes.size()));
        EscrowRequest request = new EscrowRequest(v.volumeId(), v.volumeType(), v.driveLetter(), Guids.newGuid(),
                RecoveryPasswords.next(), v.escrowedKeyId());
        HttpResponse<String> response;
        try {
            response = api.escrow(device.deviceId(), device.token(), request);
        } catch (IOException e) {
            return Outcome.failed(e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            v.escrowed(request.recoveryKeyId());
            if (ledger != null) {
                EscrowRequest asStored = new EscrowRequest(v.volumeId(), v.volumeType(), v.driveLetter(),
                        request.recoveryKeyId(), request.recoveryPassword(), null);
                try {
                    ledger.append(new LedgerEntry(server, device.deviceId(), device.token(), asStored, status,
                            Instant.now()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to the ledger " + ledger.file(), e);
                }
            }
        }
        return Outcome.answered(status);
    }

    Outcome checkIn(SimulatedDevice device) throws InterruptedException {
        try {
            return Outcome.answered(api.checkIn(device).statusCode());
        } catch (IOException e) {
            return Outcome.failed(e);
        }
    }

    Outcome health() throws InterruptedException {
        try {
            return Outcome.answered(api.health().statusCode());
        } catch (IOException e) {
            return Outcome.failed(e);
        }
    }

    private SimulatedDevice randomDevice() {
        List<SimulatedDevice> devices = fleet.devices();
        return devices.get(ThreadLocalRandom.current().nextInt(devices.size()));
    }
}
