package org.keywarden.agent.api;

import java.util.List;

/**
 * Answer to a check-in or to {@code GET /api/v1/devices/{deviceId}/actions}.
 *
 * @param actions                what the device should do
 * @param checkInIntervalMinutes when to check in next, or {@code null} if the server did not say
 */
public record ActionsResponse(List<DeviceAction> actions, Integer checkInIntervalMinutes) {
    public ActionsResponse {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
