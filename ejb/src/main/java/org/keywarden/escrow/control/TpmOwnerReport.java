package org.keywarden.escrow.control;

import java.time.Instant;

/** A device's report of its TPM owner authorization hash. {@link #toString()} leaves out the hash. */
public record TpmOwnerReport(byte[] ownerAuthHash, Instant reportedAt) {

    @Override
    public String toString() {
        return "TpmOwnerReport[reportedAt=" + reportedAt + "]";
    }
}
