package org.keywarden.agent.api;

import java.util.List;

/**
 * A volume in a status report.
 *
 * @param volumeId           volume GUID
 * @param volumeType         {@code OS}, {@code FIXED} or {@code REMOVABLE}
 * @param driveLetter        for example {@code C:}, or {@code null}
 * @param encryptionMethod   for example {@code XTS_AES_256}
 * @param conversionStatus   for example {@code FULLY_ENCRYPTED}
 * @param protectionStatus   {@code ON} or {@code OFF}
 * @param protectors         the volume's key protectors
 * @param compliant          whether the volume meets the policy
 * @param nonComplianceCodes ConfigMgr non-compliance codes (0 to 16); empty when compliant
 */
public record VolumeStatus(String volumeId, String volumeType, String driveLetter, String encryptionMethod,
                           String conversionStatus, String protectionStatus, List<ProtectorStatus> protectors,
                           Boolean compliant, List<Integer> nonComplianceCodes) {
    public VolumeStatus {
        protectors = protectors == null ? List.of() : List.copyOf(protectors);
        nonComplianceCodes = nonComplianceCodes == null ? List.of() : List.copyOf(nonComplianceCodes);
    }
}
