package org.keywarden.agent.device;

/** The PC the agent runs on. */
public interface Machine {

    /** Its name, domain, serial number, OS version and signed-in user. */
    MachineFacts facts();

    /**
     * Makes the agent's next runs follow the server's check-in interval, where the agent is scheduled by
     * the machine (the Windows scheduled task).
     *
     * @return whether anything was changed
     */
    boolean followCheckInInterval(String scheduledTask, int minutes);
}
