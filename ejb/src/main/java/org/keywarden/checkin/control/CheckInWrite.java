package org.keywarden.checkin.control;

import java.time.Instant;
import java.util.List;

/**
 * All an unchanged check-in writes: the device's check-in times, and the last-seen time of those of its
 * reported users last seen more than {@code DeviceUser.LAST_SEEN_RESOLUTION} ago.
 */
record CheckInWrite(String deviceId, Instant checkedInAt, Instant reportedAt, List<String> usersSeen) {
}
