package org.keywarden.checkin.control;

import java.time.Instant;
import java.util.List;

/** A device's check-in: its volumes and the users on it, as of {@code reportedAt}. */
public record StatusReport(Instant reportedAt, String osVersion, List<String> users, List<VolumeReport> volumes) {
}
