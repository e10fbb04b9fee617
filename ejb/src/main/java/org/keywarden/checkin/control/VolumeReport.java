package org.keywarden.checkin.control;

import java.util.List;
import org.keywarden.escrow.entity.VolumeType;

/** One volume of a status report. */
public record VolumeReport(String volumeGuid, VolumeType volumeType, String driveLetter, String encryptionMethod,
                           String conversionStatus, String protectionStatus, Boolean compliant,
                           List<Integer> nonComplianceCodes, List<ProtectorReport> protectors) {
}
