package org.keywarden.agent.bitlocker;

/** The volume is locked, so its secrets cannot be read until someone unlocks it: not the agent's failure. */
public class VolumeLockedException extends BitLockerException {
    private static final long serialVersionUID = 1L;

    public VolumeLockedException(String volumeId) {
        super("volume " + volumeId + " is locked; its key is escrowed once the volume is unlocked");
    }
}
