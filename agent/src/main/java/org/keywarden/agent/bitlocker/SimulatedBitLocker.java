package org.keywarden.agent.bitlocker;

import org.keywarden.client.RecoveryPasswords;
import org.keywarden.client.Guids;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A BitLocker stand-in that behaves like a device with encrypted volumes. Its whole state,
 * secrets included, is a JSON object that is handed to a persister after every change (the
 * agent writes it to an owner-only file in its state directory).
 *
 * <p>New volumes are fully encrypted with XTS-AES 256 and protection on; they get a recovery
 * password protector, and OS volumes also a TPM protector.
 */
public final class SimulatedBitLocker implements BitLocker {
    public static final String ENCRYPTION_METHOD = "XTS_AES_256";
    public static final String CONVERSION_STATUS = "FULLY_ENCRYPTED";
    public static final String PROTECTION_STATUS = "ON";

    private static final int MIN_KEY_PACKAGE_BYTES = 256;
    private static final int MAX_KEY_PACKAGE_BYTES = 512;
    private static final int MIN_TPM_HASH_BYTES = 20;
    private static final int MAX_TPM_HASH_BYTES = 32;

    private final SecureRandom random;
    private final Consumer<JsonObject> persister;
    private final List<SimVolume> volumes = new ArrayList<>();
    private byte[] tpmOwnerAuthHash;

    private SimulatedBitLocker(SecureRandom random, Consumer<JsonObject> persister) {
        this.random = Objects.requireNonNull(random, "random");
        this.persister = persister == null ? json -> { } : persister;
    }

    /** A device without BitLocker volumes yet. */
    public static SimulatedBitLocker empty(SecureRandom random, Consumer<JsonObject> persister) {
        return new SimulatedBitLocker(random, persister);
    }

    /**
     * A device restored from the JSON written by {@link #toJson()}.
     *
     * @throws BitLockerException if the JSON is not a simulated BitLocker state
     */
    public static SimulatedBitLocker fromJson(JsonObject json, SecureRandom random,
                                              Consumer<JsonObject> persister) {
        SimulatedBitLocker bitLocker = new SimulatedBitLocker(random, persister);
        try {
            String tpm = optString(json, "tpmOwnerAuthHash");
            if (tpm != null) {
                bitLocker.tpmOwnerAuthHash = Base64.getDecoder().decode(tpm);
            }
            for (JsonValue value : json.getJsonArray("volumes")) {
                bitLocker.volumes.add(SimVolume.fromJson(value.asJsonObject()));
            }
        } catch (RuntimeException e) {
            throw new BitLockerException("simulated BitLocker state is unreadable: " + e.getClass().getSimpleName(), e);
        }
        return bitLocker;
    }

    /**
     * Simulates turning BitLocker on for a new volume: a new volume GUID, a recovery password
     * protector with a fresh password, and for an OS volume also a TPM protector.
     *
     * @param driveLetter drive letter such as {@code E:}, or {@code null} to pick one
     *                    ({@code C:} for OS volumes, otherwise the first free letter from D:)
     */
    public synchronized Volume encryptNewVolume(VolumeType type, String driveLetter) {
        Objects.requireNonNull(type, "type");
        String letter = driveLetter == null ? freeDriveLetter(type) : normalizeDriveLetter(driveLetter);
        for (SimVolume v : volumes) {
            if (letter.equals(v.driveLetter)) {
                throw new BitLockerException("drive " + letter + " is already a BitLocker volume");
            }
        }
        SimVolume volume = new SimVolume(Guids.newGuid(), type, letter);
        if (type == VolumeType.OS) {
            volume.protectors.add(newProtector(ProtectorType.TPM, null));
        }
        volume.protectors.add(newProtector(ProtectorType.RECOVERY_PASSWORD, RecoveryPasswords.generate(random)));
        volumes.add(volume);
        persist();
        return volume.toVolume();
    }

    @Override
    public synchronized List<Volume> volumes() {
        return volumes.stream().map(SimVolume::toVolume).toList();
    }

    @Override
    public synchronized KeyProtector addRecoveryPasswordProtector(String volumeId) {
        SimVolume volume = find(volumeId);
        SimProtector protector = newProtector(ProtectorType.RECOVERY_PASSWORD, RecoveryPasswords.generate(random));
        volume.protectors.add(protector);
        persist();
        return protector.toKeyProtector();
    }

    @Override
    public synchronized String recoveryPassword(String volumeId, String protectorId) {
        SimProtector protector = find(volumeId).find(protectorId);
        if (protector.recoveryPassword == null) {
            throw new BitLockerException("protector " + protector.id + " is not a recovery password");
        }
        return protector.recoveryPassword;
    }

    @Override
    public synchronized byte[] keyPackage(String volumeId, String protectorId) {
        return find(volumeId).find(protectorId).keyPackage.clone();
    }

    @Override
    public synchronized void removeProtector(String volumeId, String protectorId) {
        SimVolume volume = find(volumeId);
        volume.protectors.remove(volume.find(protectorId));
        persist();
    }

    /** The owner auth hash of the simulated TPM, created on first use and then kept. */
    @Override
    public synchronized Optional<byte[]> tpmOwnerAuthHash() {
        if (tpmOwnerAuthHash == null) {
            tpmOwnerAuthHash = randomBytes(MIN_TPM_HASH_BYTES, MAX_TPM_HASH_BYTES);
            persist();
        }
        return Optional.of(tpmOwnerAuthHash.clone());
    }

    /** The whole state, secrets included, as written to the persister. */
    public synchronized JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (tpmOwnerAuthHash != null) {
            b.add("tpmOwnerAuthHash", Base64.getEncoder().encodeToString(tpmOwnerAuthHash));
        }
        JsonArrayBuilder vs = Json.createArrayBuilder();
        volumes.forEach(v -> vs.add(v.toJson()));
        return b.add("volumes", vs).build();
    }

    @Override
    public String toString() {
        return "SimulatedBitLocker[volumes=" + volumes().size() + "]";
    }

    private void persist() {
        persister.accept(toJson());
    }

    private SimVolume find(String volumeId) {
        String id = guidOrFail(volumeId, "volume");
        return volumes.stream().filter(v -> v.volumeId.equals(id)).findFirst()
                .orElseThrow(() -> new BitLockerException("no BitLocker volume " + id));
    }

    private SimProtector newProtector(ProtectorType type, String password) {
        return new SimProtector(Guids.newGuid(), type, password,
                randomBytes(MIN_KEY_PACKAGE_BYTES, MAX_KEY_PACKAGE_BYTES));
    }

    private byte[] randomBytes(int min, int max) {
        byte[] bytes = new byte[min + random.nextInt(max - min + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String freeDriveLetter(VolumeType type) {
        char first = type == VolumeType.OS ? 'C' : 'D';
        for (char c = first; c <= 'Z'; c++) {
            String letter = c + ":";
            if (volumes.stream().noneMatch(v -> letter.equals(v.driveLetter))) {
                return letter;
            }
        }
        throw new BitLockerException("no free drive letter");
    }

    private static String normalizeDriveLetter(String driveLetter) {
        String s = driveLetter.trim().toUpperCase(java.util.Locale.ROOT);
        if (s.length() == 1) {
            s = s + ":";
        }
        if (!s.matches("[A-Z]:")) {
            throw new BitLockerException("not a drive letter: " + driveLetter);
        }
        return s;
    }

    private static String guidOrFail(String guid, String what) {
        try {
            return Guids.normalize(guid);
        } catch (IllegalArgumentException e) {
            throw new BitLockerException(what + " id is not a GUID: " + guid);
        }
    }

    private static String optString(JsonObject json, String key) {
        JsonValue v = json.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** Mutable volume record kept by the simulator. */
    private static final class SimVolume {
        final String volumeId;
        final VolumeType type;
        final String driveLetter;
        final List<SimProtector> protectors = new ArrayList<>();

        SimVolume(String volumeId, VolumeType type, String driveLetter) {
            this.volumeId = volumeId;
            this.type = type;
            this.driveLetter = driveLetter;
        }

        SimProtector find(String protectorId) {
            String id = guidOrFail(protectorId, "protector");
            return protectors.stream().filter(p -> p.id.equals(id)).findFirst()
                    .orElseThrow(() -> new BitLockerException("volume " + volumeId + " has no protector " + id));
        }

        Volume toVolume() {
            return new Volume(volumeId, type, driveLetter, ENCRYPTION_METHOD, CONVERSION_STATUS, PROTECTION_STATUS,
                    protectors.stream().map(SimProtector::toKeyProtector).toList());
        }

        JsonObject toJson() {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("volumeId", volumeId)
                    .add("volumeType", type.name());
            if (driveLetter != null) {
                b.add("driveLetter", driveLetter);
            }
            JsonArrayBuilder ps = Json.createArrayBuilder();
            protectors.forEach(p -> ps.add(p.toJson()));
            return b.add("protectors", ps).build();
        }

        static SimVolume fromJson(JsonObject json) {
            SimVolume v = new SimVolume(Guids.normalize(json.getString("volumeId")),
                    VolumeType.valueOf(json.getString("volumeType")), optString(json, "driveLetter"));
            for (JsonValue p : json.getJsonArray("protectors")) {
                v.protectors.add(SimProtector.fromJson(p.asJsonObject()));
            }
            return v;
        }
    }

    /** Mutable protector record kept by the simulator, secrets included. */
    private static final class SimProtector {
        final String id;
        final ProtectorType type;
        final String recoveryPassword;
        final byte[] keyPackage;

        SimProtector(String id, ProtectorType type, String recoveryPassword, byte[] keyPackage) {
            this.id = id;
            this.type = type;
            this.recoveryPassword = recoveryPassword;
            this.keyPackage = keyPackage;
        }

        KeyProtector toKeyProtector() {
            return new KeyProtector(id, type);
        }

        JsonObject toJson() {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("type", type.name());
            if (recoveryPassword != null) {
                b.add("recoveryPassword", recoveryPassword);
            }
            return b.add("keyPackage", Base64.getEncoder().encodeToString(keyPackage)).build();
        }

        static SimProtector fromJson(JsonObject json) {
            String keyPackage = optString(json, "keyPackage");
            return new SimProtector(Guids.normalize(json.getString("id")),
                    ProtectorType.valueOf(json.getString("type")), optString(json, "recoveryPassword"),
                    keyPackage == null ? new byte[0] : Base64.getDecoder().decode(keyPackage));
        }

        @Override
        public String toString() {
            return "SimProtector[id=" + id + ", type=" + type + "]";
        }
    }
}
