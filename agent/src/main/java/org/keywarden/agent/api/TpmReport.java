package org.keywarden.agent.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Body of {@code PUT /api/v1/devices/{deviceId}/tpm}. The hash is left out of {@link #toString()}.
 *
 * @param ownerAuthHash base64 TPM owner authorization hash
 * @param reportedAt    when the device read it
 */
public record TpmReport(String ownerAuthHash, Instant reportedAt) {
    public TpmReport {
        Objects.requireNonNull(ownerAuthHash, "ownerAuthHash");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    @Override
    public String toString() {
        return "TpmReport[reportedAt=" + reportedAt + ", ownerAuthHash=(hidden)]";
    }
}
