package org.keywarden.device.control;

import java.util.List;

/** A validated enrollment request. {@link #toString()} leaves out the enrollment secret. */
public record EnrollCommand(String enrollmentSecret, String hostname, String domain, String serialNumber,
                            String osVersion, List<String> users, boolean migratedFromMbam) {

    @Override
    public String toString() {
        return "EnrollCommand[hostname=" + hostname + ", domain=" + domain + "]";
    }
}
