package org.keywarden.disclosure.control;

import java.time.Instant;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.VolumeType;

/** One key as a search lists it: where it is and in what state; never a secret. */
public record KeyListing(String recoveryKeyId, String deviceId, String hostname, String volumeId, String volumeType,
                         String driveLetter, String state, Instant escrowedAt, Instant disclosedAt) {

    /** For the query's constructor expression. */
    public KeyListing(String recoveryKeyId, String deviceId, String hostname, String volumeId, VolumeType volumeType,
                      String driveLetter, KeyState state, Instant escrowedAt, Instant disclosedAt) {
        this(recoveryKeyId, deviceId, hostname, volumeId, volumeType.name(), driveLetter, state.name(), escrowedAt,
                disclosedAt);
    }
}
