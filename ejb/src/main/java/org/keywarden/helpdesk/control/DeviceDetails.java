package org.keywarden.helpdesk.control;

import java.util.List;

/**
 * Everything the device page shows: the record (and the source its keys were imported from, if no agent
 * enrolled it), its users and volumes, the other records of its hostname (as given, in upper or in lower case), and when the device last reported its TPM owner information (null: never).
 */
public record DeviceDetails(DeviceListing device, String serialNumber, boolean migratedFromMbam, String importedFrom,
                            List<DeviceUserView> users, List<VolumeView> volumes, List<DeviceListing> sameHostname,
                            java.time.Instant tpmReportedAt) {
}
