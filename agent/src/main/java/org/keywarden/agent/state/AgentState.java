package org.keywarden.agent.state;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keywarden.agent.bitlocker.BitLocker;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.SimulatedBitLocker;
import org.keywarden.agent.bitlocker.Volume;

/**
 * The agent's state directory. Files (all owner-only):
 * <ul>
 *   <li>{@code device.json}: the {@link DeviceIdentity} (no secret)</li>
 *   <li>{@code device-token}: the device token (secret)</li>
 *   <li>{@code bitlocker.json}: the simulated BitLocker volumes, protectors, recovery passwords,
 *       key packages and TPM owner hash (secrets); not used with the PC's own BitLocker</li>
 *   <li>{@code escrow.json}: the {@link EscrowLedger} (no secret)</li>
 *   <li>{@code run.json}: the check-in interval the scheduled task follows and a digest of the TPM owner
 *       information last reported (no secret)</li>
 * </ul>
 * Tests can {@link #load(Path)} a directory the CLI wrote and assert on it. Accessors marked
 * <strong>secret</strong> exist so tests can compare with what the server discloses; never print
 * what they return.
 */
public final class AgentState {
    public static final String DEVICE_FILE = "device.json";
    public static final String TOKEN_FILE = "device-token";
    public static final String BITLOCKER_FILE = "bitlocker.json";
    public static final String ESCROW_FILE = "escrow.json";
    public static final String RUN_FILE = "run.json";

    private final Path dir;
    private final SimulatedBitLocker simulated;
    private final BitLocker bitLocker;
    private final EscrowLedger ledger;
    private JsonObject runRecord;
    private DeviceIdentity identity;
    private String deviceToken;

    private AgentState(Path dir, SecureRandom random, BitLocker device) throws IOException {
        this.dir = dir;
        this.identity = readIdentity(dir.resolve(DEVICE_FILE));
        Path tokenFile = dir.resolve(TOKEN_FILE);
        this.deviceToken = Files.exists(tokenFile) ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip() : null;
        if (device == null) {
            JsonObject bl = SecureFiles.readJson(dir.resolve(BITLOCKER_FILE));
            this.simulated = bl == null
                    ? SimulatedBitLocker.empty(random, json -> write(BITLOCKER_FILE, json))
                    : SimulatedBitLocker.fromJson(bl, random, json -> write(BITLOCKER_FILE, json));
            this.bitLocker = simulated;
        } else {
            this.simulated = null;
            this.bitLocker = device;
        }
        JsonObject run = SecureFiles.readJson(dir.resolve(RUN_FILE));
        this.runRecord = run == null ? Json.createObjectBuilder().build() : run;
        JsonObject esc = SecureFiles.readJson(dir.resolve(ESCROW_FILE));
        try {
            this.ledger = esc == null
                    ? EscrowLedger.empty(json -> write(ESCROW_FILE, json))
                    : EscrowLedger.fromJson(esc, json -> write(ESCROW_FILE, json));
        } catch (RuntimeException e) {
            throw new AgentStateException(dir.resolve(ESCROW_FILE) + " is unreadable", e);
        }
    }

    /**
     * Loads the state in this directory; a missing directory is an empty state (nothing is
     * written until something changes).
     *
     * @throws AgentStateException if a state file exists but cannot be read
     */
    public static AgentState load(Path dir) {
        return load(dir, new SecureRandom());
    }

    /** As {@link #load(Path)}, with the random source used for new passwords and ids. */
    public static AgentState load(Path dir, SecureRandom random) {
        return load(dir, random, null);
    }

    /**
     * As {@link #load(Path)}, for a device with its own BitLocker ({@code null}: the simulated one kept in
     * {@code bitlocker.json}).
     */
    public static AgentState load(Path dir, SecureRandom random, BitLocker device) {
        try {
            return new AgentState(dir, random, device);
        } catch (IOException | UncheckedIOException e) {
            throw new AgentStateException("cannot read agent state in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof AgentStateException ase) {
                throw ase;
            }
            throw new AgentStateException("cannot read agent state in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The state directory. */
    public Path directory() {
        return dir;
    }

    /** Whether the device has enrolled (has a device id and a token). */
    public boolean isEnrolled() {
        return identity != null && deviceToken != null;
    }

    /** The server-assigned device id, if enrolled. */
    public Optional<String> deviceId() {
        return Optional.ofNullable(identity).map(DeviceIdentity::deviceId);
    }

    /** What was sent and received at enrollment, if enrolled. */
    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The device token. <strong>Secret.</strong> */
    public Optional<String> deviceToken() {
        return Optional.ofNullable(deviceToken);
    }

    /** The device token file ({@code device-token}, owner-only). */
    public Path tokenFile() {
        return dir.resolve(TOKEN_FILE);
    }

    /**
     * Stores a new enrollment: identity and token. Any earlier escrow records are forgotten, since
     * the server treats a re-enrolled device as a new device.
     */
    public synchronized void saveEnrollment(DeviceIdentity newIdentity, String token) {
        try {
            SecureFiles.writePrivate(dir.resolve(TOKEN_FILE), token + "\n");
            SecureFiles.writeJson(dir.resolve(DEVICE_FILE), identityJson(newIdentity));
        } catch (IOException e) {
            throw new AgentStateException("cannot write agent state in " + dir + ": " + e.getMessage(), e);
        }
        boolean reEnrolled = identity != null;
        this.identity = newIdentity;
        this.deviceToken = token;
        if (reEnrolled) {
            ledger.clear();
            if (runRecord.containsKey("reportedTpmSha256")) {
                JsonObject cleared = Json.createObjectBuilder(runRecord).remove("reportedTpmSha256").build();
                write(RUN_FILE, cleared);
                runRecord = cleared;
            }
        }
    }

    /** The BitLocker of this device. */
    public BitLocker bitLocker() {
        return bitLocker;
    }

    /**
     * The simulated BitLocker of this device; its changes are saved immediately.
     *
     * @throws AgentStateException if the agent works with the PC's own BitLocker
     */
    public SimulatedBitLocker simulated() {
        if (simulated == null) {
            throw new AgentStateException("this agent works with the PC's own BitLocker, not a simulated one");
        }
        return simulated;
    }

    /** The check-in interval the scheduled task was last set to, if any. */
    public synchronized Optional<Integer> scheduledIntervalMinutes() {
        JsonValue v = runRecord.get("scheduledIntervalMinutes");
        return v instanceof jakarta.json.JsonNumber n ? Optional.of(n.intValue()) : Optional.empty();
    }

    /** Records the check-in interval the scheduled task now follows. */
    public synchronized void saveScheduledIntervalMinutes(int minutes) {
        saveRun("scheduledIntervalMinutes", Json.createValue(minutes));
    }

    /** The digest of the TPM owner information last reported, if any (no secret: a SHA-256 of it). */
    public synchronized Optional<String> reportedTpmDigest() {
        return Optional.ofNullable(opt(runRecord, "reportedTpmSha256"));
    }

    /** Records the digest of the TPM owner information the server accepted. */
    public synchronized void saveReportedTpmDigest(String sha256) {
        saveRun("reportedTpmSha256", Json.createValue(sha256));
    }

    private void saveRun(String key, JsonValue value) {
        JsonObject updated = Json.createObjectBuilder(runRecord).add(key, value).build();
        write(RUN_FILE, updated);
        runRecord = updated;
    }

    /** Which keys the server acknowledged; its changes are saved immediately. */
    public EscrowLedger ledger() {
        return ledger;
    }

    /** All volumes with their protectors (no secrets). */
    public List<Volume> volumes() {
        return bitLocker.volumes();
    }

    /** The volume with this id. */
    public Optional<Volume> volume(String volumeId) {
        return bitLocker.volume(volumeId);
    }

    /** The ids of all recovery password protectors on all volumes (= recovery key ids). */
    public List<String> recoveryPasswordProtectorIds() {
        List<String> ids = new ArrayList<>();
        for (Volume v : volumes()) {
            v.recoveryPasswordProtectors().forEach(p -> ids.add(p.id()));
        }
        return ids;
    }

    /** The recovery password protectors that the server has not acknowledged yet. */
    public List<String> unescrowedProtectorIds() {
        return recoveryPasswordProtectorIds().stream().filter(id -> !ledger.isEscrowed(id)).toList();
    }

    /** Whether the server acknowledged this recovery key. */
    public boolean isEscrowed(String protectorId) {
        return ledger.isEscrowed(protectorId);
    }

    /** The ids of all keys the server acknowledged (including ones since removed from a volume). */
    public Set<String> escrowedProtectorIds() {
        return ledger.escrowedIds();
    }

    /** The volume holding this protector, if any. */
    public Optional<Volume> volumeOfProtector(String protectorId) {
        return volumes().stream().filter(v -> v.protector(protectorId).isPresent()).findFirst();
    }

    /** The protector with this id, on whichever volume has it. */
    public Optional<KeyProtector> protector(String protectorId) {
        return volumeOfProtector(protectorId).flatMap(v -> v.protector(protectorId));
    }

    /** The recovery password of this protector. <strong>Secret.</strong> */
    public Optional<String> recoveryPassword(String protectorId) {
        return volumeOfProtector(protectorId)
                .filter(v -> v.protector(protectorId).map(KeyProtector::isRecoveryPassword).orElse(false))
                .map(v -> bitLocker.recoveryPassword(v.volumeId(), protectorId));
    }

    @Override
    public String toString() {
        return "AgentState[dir=" + dir + ", deviceId=" + deviceId().orElse(null) + "]";
    }

    private void write(String fileName, JsonObject json) {
        try {
            SecureFiles.writeJson(dir.resolve(fileName), json);
        } catch (IOException e) {
            throw new AgentStateException("cannot write " + dir.resolve(fileName) + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject identityJson(DeviceIdentity id) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("deviceId", id.deviceId());
        addIfPresent(b, "serverUrl", id.serverUrl());
        addIfPresent(b, "hostname", id.hostname());
        addIfPresent(b, "domain", id.domain());
        addIfPresent(b, "serialNumber", id.serialNumber());
        addIfPresent(b, "osVersion", id.osVersion());
        JsonArrayBuilder users = Json.createArrayBuilder();
        id.users().forEach(users::add);
        b.add("users", users);
        if (id.enrolledAt() != null) {
            b.add("enrolledAt", id.enrolledAt().toString());
        }
        return b.build();
    }

    private static DeviceIdentity readIdentity(Path file) throws IOException {
        JsonObject o = SecureFiles.readJson(file);
        if (o == null) {
            return null;
        }
        List<String> users = new ArrayList<>();
        JsonValue u = o.get("users");
        if (u != null && u.getValueType() == JsonValue.ValueType.ARRAY) {
            u.asJsonArray().getValuesAs(JsonString.class).forEach(s -> users.add(s.getString()));
        }
        String enrolledAt = opt(o, "enrolledAt");
        return new DeviceIdentity(o.getString("deviceId"), opt(o, "serverUrl"), opt(o, "hostname"),
                opt(o, "domain"), opt(o, "serialNumber"), opt(o, "osVersion"), users,
                enrolledAt == null ? null : Instant.parse(enrolledAt));
    }

    private static void addIfPresent(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    private static String opt(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
