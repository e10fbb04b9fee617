package org.keywarden.escrow.control;

import jakarta.persistence.EntityManager;
import org.keywarden.device.entity.Device;

/** Whether a device record holds imported keys of the same computer as another record. */
final class ImportedRecords {
    private ImportedRecords() {
    }

    /** True if {@code recordId} is an imported record whose hostname is {@code deviceId}'s (ignoring case). */
    static boolean isImportedRecordOfSameComputer(EntityManager em, String recordId, String deviceId) {
        Device record = em.find(Device.class, recordId);
        Device device = em.find(Device.class, deviceId);
        return record != null && device != null && record.getImportedFrom() != null
                && record.getHostname().equalsIgnoreCase(device.getHostname());
    }
}
