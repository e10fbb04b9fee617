package org.keywarden.agent;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.keywarden.agent.api.DeviceAction;
import org.keywarden.agent.bitlocker.VolumeLockedException;
import org.keywarden.client.Guids;

/** Carries out the actions a check-in returned, printing one line per action. */
final class ActionExecutor {
    private final KeyEscrow escrow;
    private final PrintWriter out;
    private final PrintWriter err;

    ActionExecutor(KeyEscrow escrow, PrintWriter out, PrintWriter err) {
        this.escrow = escrow;
        this.out = out;
        this.err = err;
    }

    /** Performs the actions in order; a failed action does not stop the others. */
    void perform(List<DeviceAction> actions, Outcome outcome) {
        for (DeviceAction action : actions) {
            String prefix = action.type() + " volume " + action.volumeId() + " key " + action.recoveryKeyId() + ": ";
            try {
                out.println(prefix + perform(action));
            } catch (VolumeLockedException e) {
                out.println(prefix + "skipped: " + Failures.message(e));
            } catch (RuntimeException e) {
                err.println(prefix + "failed: " + Failures.message(e));
                outcome.fail(e);
            }
        }
    }

    private String perform(DeviceAction action) {
        if (action.type() == null) {
            return "ignored (action without a type)";
        }
        if (!Guids.isGuid(action.recoveryKeyId())) {
            return "ignored (recoveryKeyId is not a GUID)";
        }
        switch (action.type()) {
            case DeviceAction.ESCROW_RECOVERY_KEY:
                return escrow.escrow(action.recoveryKeyId()).describe();
            case DeviceAction.ROTATE_RECOVERY_KEY:
                if (!Guids.isGuid(action.volumeId())) {
                    return "ignored (volumeId is not a GUID)";
                }
                Optional<KeyEscrow.Escrowed> rotated = escrow.rotate(action.volumeId(), action.recoveryKeyId());
                return rotated.map(r -> "rotated: new " + r.describe())
                        .orElse("nothing to do (the protector is no longer on the volume)");
            default:
                return "ignored (unknown action type)";
        }
    }
}
