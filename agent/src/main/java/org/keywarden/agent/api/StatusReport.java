package org.keywarden.agent.api;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/devices/{deviceId}/status} (check-in).
 *
 * @param reportedAt when the status was read
 * @param osVersion  OS version, or {@code null}
 * @param users      associated users ({@code DOMAIN\name})
 * @param volumes    the BitLocker volumes
 */
public record StatusReport(Instant reportedAt, String osVersion, List<String> users, List<VolumeStatus> volumes) {
    public StatusReport {
        users = users == null ? List.of() : List.copyOf(users);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }
}
