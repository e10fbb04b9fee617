package org.keywarden.agent.device;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A machine known only by its host name: the simulated PC of a test or a development run. */
public final class LocalMachine implements Machine {

    @Override
    public MachineFacts facts() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        int dot = host.indexOf('.');
        return new MachineFacts(dot > 0 ? host.substring(0, dot) : host, "WORKGROUP", null,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), List.of());
    }

    @Override
    public boolean followCheckInInterval(String scheduledTask, int minutes) {
        return false;
    }
}
