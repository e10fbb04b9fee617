package org.keywarden.agent.device;

import java.util.List;

/**
 * What the agent enrolls a PC with. No secret.
 *
 * @param hostname     computer name, for example {@code PC-0042}
 * @param domain       the domain the PC is joined to, else its workgroup
 * @param serialNumber BIOS serial number, or null
 * @param osVersion    for example {@code 10.0.22631}, or null
 * @param users        the signed-in user as {@code DOMAIN\name}, if any
 */
public record MachineFacts(String hostname, String domain, String serialNumber, String osVersion, List<String> users) {
    public MachineFacts {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
