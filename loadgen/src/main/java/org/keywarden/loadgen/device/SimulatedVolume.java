package org.keywarden.loadgen.device;

import org.keywarden.client.Guids;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One BitLocker volume of a simulated device: a GUID, type and drive letter, a TPM protector, and
 * the recovery key the server last acknowledged for it (the one a check-in lists).
 */
public final class SimulatedVolume {
    private final String volumeId;
    private final String volumeType;
    private final String driveLetter;
    private final String tpmProtectorId;
    private final AtomicReference<String> escrowedKeyId = new AtomicReference<>();

    /**
     * @param index 0 for the OS volume (C:), then fixed data volumes D:, E:, ...
     */
    public SimulatedVolume(int index) {
        if (index < 0 || index > 23) {
            throw new IllegalArgumentException("volume index must be 0..23");
        }
        this.volumeId = Guids.newGuid();
        this.volumeType = index == 0 ? "OS" : "FIXED";
        this.driveLetter = (char) ('C' + index) + ":";
        this.tpmProtectorId = index == 0 ? Guids.newGuid() : null;
    }

    public String volumeId() {
        return volumeId;
    }

    /** {@code OS} or {@code FIXED}. */
    public String volumeType() {
        return volumeType;
    }

    public String driveLetter() {
        return driveLetter;
    }

    /** The TPM protector's id (OS volume only), or {@code null}. */
    public String tpmProtectorId() {
        return tpmProtectorId;
    }

    /** The recovery key id last acknowledged by the server, or {@code null} before the first escrow. */
    public String escrowedKeyId() {
        return escrowedKeyId.get();
    }

    /** Records that the server acknowledged {@code keyId} for this volume. */
    public void escrowed(String keyId) {
        escrowedKeyId.set(keyId);
    }
}
