package org.keywarden.checkin.boundary;

import java.util.List;
import org.keywarden.checkin.control.DeviceAction;

/** What a device must do next, and when to check in again. */
public record ActionsResponse(List<Action> actions, int checkInIntervalMinutes) {

    /** One action for one volume and key. */
    public record Action(String type, String volumeId, String recoveryKeyId) {
    }

    static ActionsResponse of(List<DeviceAction> actions, int checkInIntervalMinutes) {
        return new ActionsResponse(actions.stream()
                .map(a -> new Action(a.type(), a.volumeId(), a.recoveryKeyId())).toList(), checkInIntervalMinutes);
    }
}
