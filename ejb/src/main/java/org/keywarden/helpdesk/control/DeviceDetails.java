package org.keywarden.helpdesk.control;

import java.util.List;

/** Everything the device page shows: the record, its users and volumes, and the other records of its hostname. */
public record DeviceDetails(DeviceListing device, String serialNumber, boolean migratedFromMbam,
                            List<DeviceUserView> users, List<VolumeView> volumes, List<DeviceListing> sameHostname) {
}
