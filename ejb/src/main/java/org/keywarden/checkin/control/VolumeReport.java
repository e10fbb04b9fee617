package org.keywarden.checkin.control;

import java.util.List;
import java.util.stream.Collectors;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.escrow.entity.VolumeType;

/** One volume of a status report. */
public record VolumeReport(String volumeGuid, VolumeType volumeType, String driveLetter, String encryptionMethod,
                           String conversionStatus, String protectionStatus, Boolean compliant,
                           List<Integer> nonComplianceCodes, List<ProtectorReport> protectors) {

    /** The non-compliance codes as stored: comma-separated, or null when the device sent none. */
    String storedCodes() {
        return nonComplianceCodes == null ? null
                : nonComplianceCodes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Whether this report says what a stored status already says (then the status is not written again). */
    boolean saysWhat(VolumeStatus status) {
        return status.says(encryptionMethod, conversionStatus, protectionStatus, compliant, storedCodes(),
                ReportedProtectors.format(protectors));
    }
}
