package org.keywarden.helpdesk.control;

import java.time.Instant;
import java.util.List;

/** A volume of a device with its latest reported status (null fields when it never reported) and its keys, newest first. */
public record VolumeView(String volumeGuid, String type, String driveLetter, Instant reportedAt, String encryptionMethod,
                         String conversionStatus, String protectionStatus, Boolean compliant, List<String> protectors,
                         List<KeyHistory> keys) {
}
