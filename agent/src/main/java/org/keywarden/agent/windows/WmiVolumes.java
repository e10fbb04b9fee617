package org.keywarden.agent.windows;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.ProtectorType;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.bitlocker.VolumeType;
import org.keywarden.client.Guids;

/** The volumes in the output of {@link WmiScripts#volumes()}, with WMI's numbers turned into the API's names. */
final class WmiVolumes {
    private static final Pattern VOLUME_GUID = Pattern.compile("\\{([0-9A-Fa-f-]{36})\\}");
    private static final Map<Long, String> METHODS = Map.of(0L, "NONE", 1L, "AES_128_WITH_DIFFUSER",
            2L, "AES_256_WITH_DIFFUSER", 3L, "AES_128", 4L, "AES_256", 5L, "HARDWARE_ENCRYPTION",
            6L, "XTS_AES_128", 7L, "XTS_AES_256");
    private static final Map<Long, String> CONVERSIONS = Map.of(0L, "FULLY_DECRYPTED", 1L, "FULLY_ENCRYPTED",
            2L, "ENCRYPTION_IN_PROGRESS", 3L, "DECRYPTION_IN_PROGRESS", 4L, "ENCRYPTION_PAUSED",
            5L, "DECRYPTION_PAUSED");
    private static final Map<Long, String> PROTECTIONS = Map.of(0L, "OFF", 1L, "ON", 2L, "UNKNOWN");
    private static final Map<Long, ProtectorType> TYPES = Map.ofEntries(Map.entry(1L, ProtectorType.TPM),
            Map.entry(2L, ProtectorType.EXTERNAL_KEY), Map.entry(3L, ProtectorType.RECOVERY_PASSWORD),
            Map.entry(4L, ProtectorType.TPM_PIN), Map.entry(5L, ProtectorType.TPM_STARTUP_KEY),
            Map.entry(6L, ProtectorType.TPM_PIN_STARTUP_KEY), Map.entry(7L, ProtectorType.PUBLIC_KEY),
            Map.entry(8L, ProtectorType.PASSWORD), Map.entry(9L, ProtectorType.TPM_CERTIFICATE),
            Map.entry(10L, ProtectorType.AD_ACCOUNT_OR_GROUP));

    private WmiVolumes() {
    }

    static List<Volume> parse(JsonValue printed) {
        List<Volume> volumes = new ArrayList<>();
        for (JsonObject v : WmiOutput.objects(printed)) {
            Matcher guid = VOLUME_GUID.matcher(String.valueOf(WmiOutput.string(v, "DeviceID")));
            if (!guid.find()) {
                continue; // not a volume GUID path: nothing the server could file it under
            }
            boolean locked = WmiOutput.number(v, "LockStatus", 0) == 1;
            String conversion = WmiOutput.number(v, "ConversionReturnValue", 0) == 0
                    ? name(CONVERSIONS, WmiOutput.number(v, "ConversionStatus", -1)) : "UNKNOWN";
            String error = listingError(v);
            List<KeyProtector> protectors = error == null ? protectors(v.get("KeyProtectors")) : List.of();
            volumes.add(new Volume(Guids.normalize(guid.group(1)), type(v), driveLetter(v),
                    name(METHODS, WmiOutput.number(v, "EncryptionMethod", -1)), conversion,
                    name(PROTECTIONS, WmiOutput.number(v, "ProtectionStatus", 2)), protectors, locked, error));
        }
        return List.copyOf(volumes);
    }

    /**
     * Why the volume's protectors are unknown, or null: GetKeyProtectors succeeded, or said the volume has
     * BitLocker off (FVE_E_NOT_ACTIVATED: truly none). Any other failure is not "no protectors".
     */
    private static String listingError(JsonObject v) {
        String failed = WmiOutput.string(v, "ListingError");
        if (failed != null) {
            String described = WmiReturnCodes.findIn(failed).map(WmiReturnCodes::describe).orElse(null);
            return org.keywarden.agent.api.Redaction.scrub(failed) + (described == null ? "" : " - " + described);
        }
        long code = WmiReturnCodes.unsigned(WmiOutput.number(v, "KeyProtectorsReturnValue", 0));
        if (code == 0 || code == WmiReturnCodes.NOT_ACTIVATED) {
            return null;
        }
        return "GetKeyProtectors returned " + WmiReturnCodes.describe(code);
    }

    private static List<KeyProtector> protectors(JsonValue printed) {
        List<KeyProtector> protectors = new ArrayList<>();
        for (JsonObject p : WmiOutput.objects(printed)) {
            String id = WmiOutput.string(p, "KeyProtectorId");
            if (Guids.isGuid(id)) {
                ProtectorType type = WmiOutput.number(p, "ReturnValue", 0) == 0
                        ? TYPES.getOrDefault(WmiOutput.number(p, "KeyProtectorType", 0), ProtectorType.UNKNOWN)
                        : ProtectorType.UNKNOWN;
                protectors.add(new KeyProtector(Guids.normalize(id), type));
            }
        }
        return protectors;
    }

    private static VolumeType type(JsonObject v) {
        long type = WmiOutput.number(v, "VolumeType", -1);
        if (type == 0) {
            return VolumeType.OS;
        }
        return type == 2 ? VolumeType.REMOVABLE : VolumeType.FIXED;
    }

    private static String driveLetter(JsonObject v) {
        String letter = WmiOutput.string(v, "DriveLetter");
        return letter != null && letter.matches("[A-Za-z]:") ? letter.toUpperCase(java.util.Locale.ROOT) : null;
    }

    private static String name(Map<Long, String> names, long code) {
        return names.getOrDefault(code, "UNKNOWN");
    }
}
