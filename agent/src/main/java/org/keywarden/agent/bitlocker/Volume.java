package org.keywarden.agent.bitlocker;

import org.keywarden.client.Guids;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A BitLocker volume as the device sees it, without any secret.
 *
 * @param volumeId         volume GUID, upper case without braces
 * @param type             volume type
 * @param driveLetter      drive letter such as {@code C:}, or {@code null} if not mounted on a letter
 * @param encryptionMethod for example {@code XTS_AES_256}
 * @param conversionStatus for example {@code FULLY_ENCRYPTED}
 * @param protectionStatus {@code ON} or {@code OFF}
 * @param protectors       key protectors in the order they were added
 * @param locked           whether the volume is locked (its secrets cannot be read until it is unlocked)
 * @param listingError     why its protectors could not be read (then {@code protectors} is empty but
 *                         <em>unknown</em>: nothing may be concluded from it), or null
 */
public record Volume(String volumeId, VolumeType type, String driveLetter, String encryptionMethod,
                     String conversionStatus, String protectionStatus, List<KeyProtector> protectors,
                     boolean locked, String listingError) {
    public Volume {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(type, "type");
        protectors = List.copyOf(protectors);
    }

    /** An unlocked volume. */
    public Volume(String volumeId, VolumeType type, String driveLetter, String encryptionMethod,
                  String conversionStatus, String protectionStatus, List<KeyProtector> protectors) {
        this(volumeId, type, driveLetter, encryptionMethod, conversionStatus, protectionStatus, protectors, false, null);
    }

    /** Whether its protectors are known (the listing did not fail). */
    public boolean protectorsKnown() {
        return listingError == null;
    }

    /**
     * Whether the volume meets the basic policy: fully encrypted with protection on; unknown (null) while
     * it is locked.
     */
    public Boolean compliant() {
        if (locked) {
            return null;
        }
        return "FULLY_ENCRYPTED".equals(conversionStatus) && "ON".equals(protectionStatus);
    }

    /** The recovery password protectors of this volume. */
    public List<KeyProtector> recoveryPasswordProtectors() {
        return protectors.stream().filter(KeyProtector::isRecoveryPassword).toList();
    }

    /** The protector with this id (compared as GUIDs), if the volume has it. */
    public Optional<KeyProtector> protector(String protectorId) {
        String wanted = Guids.normalize(protectorId);
        return protectors.stream().filter(p -> p.id().equals(wanted)).findFirst();
    }
}
