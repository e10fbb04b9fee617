package org.keywarden.helpdesk.control;

import java.time.Instant;

/** One device record as a list shows it; enrolled-at and last check-in tell a re-enrolled PC's records apart. */
public record DeviceListing(String deviceId, String hostname, String domain, String osVersion, Instant enrolledAt,
                            Instant lastCheckInAt) {
}
