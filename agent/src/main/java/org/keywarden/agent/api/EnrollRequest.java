package org.keywarden.agent.api;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/devices}. The enrollment secret is left out of {@link #toString()}.
 *
 * @param enrollmentSecret the organisation's enrollment secret
 * @param hostname         host name (required)
 * @param domain           domain, or {@code null} to leave it out
 * @param serialNumber     serial number, or {@code null}
 * @param osVersion        OS version, or {@code null}
 * @param users            associated users ({@code DOMAIN\name}); empty to leave out
 * @param migratedFromMbam whether the device comes from MBAM (it then rotates all keys)
 */
public record EnrollRequest(String enrollmentSecret, String hostname, String domain, String serialNumber,
                            String osVersion, List<String> users, boolean migratedFromMbam) {
    public EnrollRequest {
        Objects.requireNonNull(enrollmentSecret, "enrollmentSecret");
        Objects.requireNonNull(hostname, "hostname");
        users = users == null ? List.of() : List.copyOf(users);
    }

    @Override
    public String toString() {
        return "EnrollRequest[hostname=" + hostname + ", domain=" + domain + ", serialNumber=" + serialNumber
                + ", osVersion=" + osVersion + ", users=" + users + ", migratedFromMbam=" + migratedFromMbam
                + ", enrollmentSecret=(hidden)]";
    }
}
