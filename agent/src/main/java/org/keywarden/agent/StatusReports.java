package org.keywarden.agent;

import java.time.Instant;
import java.util.List;
import org.keywarden.agent.api.ProtectorStatus;
import org.keywarden.agent.api.StatusReport;
import org.keywarden.agent.api.VolumeStatus;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.DeviceIdentity;

/** Builds the check-in status report from the device's volumes whose protectors are known. */
final class StatusReports {
    private StatusReports() {
    }

    static StatusReport of(AgentState state, Instant now) {
        DeviceIdentity identity = state.identity().orElse(null);
        // a volume whose protectors could not be read is left out: reported without them, the server would
        // take its superseded keys for removed
        List<VolumeStatus> volumes = state.volumes().stream().filter(Volume::protectorsKnown)
                .map(StatusReports::volume).toList();
        return new StatusReport(now, identity == null ? null : identity.osVersion(),
                identity == null ? List.of() : identity.users(), volumes);
    }

    private static VolumeStatus volume(Volume v) {
        List<ProtectorStatus> protectors = v.protectors().stream()
                .map(p -> new ProtectorStatus(p.id(), p.type().name())).toList();
        return new VolumeStatus(v.volumeId(), v.type().name(), v.driveLetter(), v.encryptionMethod(),
                v.conversionStatus(), v.protectionStatus(), protectors, v.compliant(), List.of());
    }
}
