package org.keywarden.agent.windows;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.keywarden.agent.device.Machine;
import org.keywarden.agent.device.MachineFacts;

/**
 * This Windows PC: its facts from {@code Win32_ComputerSystem}, {@code Win32_BIOS} and
 * {@code Win32_OperatingSystem}; its scheduled task's repetition set to the server's check-in interval.
 */
public final class WindowsMachine implements Machine {
    /** The folder of the agent's scheduled task, as {@code install.ps1} registers it. */
    public static final String TASK_PATH = "Keywarden";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PowerShell shell;

    public WindowsMachine(PowerShell shell) {
        this.shell = shell;
    }

    @Override
    public MachineFacts facts() {
        JsonObject o = WmiOutput.object(WmiScripts.MACHINE,
                shell.run(WmiScripts.MACHINE, WmiScripts.machine(), TIMEOUT));
        String name = WmiOutput.string(o, "Name");
        if (name == null) {
            throw new PowerShellException("Windows reported no computer name (Win32_ComputerSystem.Name)");
        }
        String user = WmiOutput.string(o, "UserName");
        String domain = WmiOutput.string(o, "Domain"); // the DNS domain, or the workgroup's name when not joined
        return new MachineFacts(name, domain == null ? "WORKGROUP" : domain,
                WmiOutput.string(o, "SerialNumber"), WmiOutput.string(o, "OsVersion"),
                user == null ? List.of() : List.of(user));
    }

    @Override
    public boolean followCheckInInterval(String scheduledTask, int minutes) {
        WmiOutput.object(WmiScripts.TASK_INTERVAL,
                shell.run(WmiScripts.TASK_INTERVAL, WmiScripts.taskInterval(TASK_PATH, scheduledTask, minutes), TIMEOUT));
        return true;
    }
}
