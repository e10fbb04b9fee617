package org.keywarden.agent.state;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.keywarden.client.Guids;

/**
 * Which recovery keys the server has acknowledged, and which rotations are in progress. Holds no
 * secret. Every change is handed to the persister.
 */
public final class EscrowLedger {
    private final Map<String, EscrowedKey> escrowed = new LinkedHashMap<>();
    private final List<PendingReplacement> pending = new ArrayList<>();
    private final Consumer<JsonObject> persister;

    private EscrowLedger(Consumer<JsonObject> persister) {
        this.persister = persister == null ? json -> { } : persister;
    }

    /** An empty ledger. */
    public static EscrowLedger empty(Consumer<JsonObject> persister) {
        return new EscrowLedger(persister);
    }

    /** A ledger restored from {@link #toJson()}. */
    public static EscrowLedger fromJson(JsonObject json, Consumer<JsonObject> persister) {
        EscrowLedger ledger = new EscrowLedger(persister);
        for (JsonValue v : json.getJsonArray("escrowed")) {
            JsonObject o = v.asJsonObject();
            String at = optString(o, "escrowedAt");
            EscrowedKey key = new EscrowedKey(Guids.normalize(o.getString("recoveryKeyId")),
                    Guids.normalize(o.getString("volumeId")), at == null ? null : Instant.parse(at));
            ledger.escrowed.put(key.recoveryKeyId(), key);
        }
        JsonValue pendings = json.get("pendingReplacements");
        if (pendings != null && pendings.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : pendings.asJsonArray()) {
                JsonObject o = v.asJsonObject();
                String newId = optString(o, "newRecoveryKeyId");
                List<String> before = new ArrayList<>();
                JsonValue known = o.get("knownBefore");
                if (known != null && known.getValueType() == JsonValue.ValueType.ARRAY) {
                    known.asJsonArray().getValuesAs(JsonString.class).forEach(id -> before.add(Guids.normalize(id.getString())));
                }
                ledger.pending.add(new PendingReplacement(Guids.normalize(o.getString("volumeId")),
                        Guids.normalize(o.getString("oldRecoveryKeyId")),
                        newId == null ? null : Guids.normalize(newId), before));
            }
        }
        return ledger;
    }

    /** Whether the server has acknowledged this recovery key. */
    public synchronized boolean isEscrowed(String recoveryKeyId) {
        return Guids.isGuid(recoveryKeyId) && escrowed.containsKey(Guids.normalize(recoveryKeyId));
    }

    /** The acknowledged keys, oldest first. */
    public synchronized List<EscrowedKey> escrowed() {
        return List.copyOf(escrowed.values());
    }

    /** The ids of the acknowledged keys. */
    public synchronized Set<String> escrowedIds() {
        return Set.copyOf(escrowed.keySet());
    }

    /** Records that the server acknowledged this key. */
    public synchronized void markEscrowed(String recoveryKeyId, String volumeId, Instant escrowedAt) {
        EscrowedKey key = new EscrowedKey(Guids.normalize(recoveryKeyId), Guids.normalize(volumeId), escrowedAt);
        escrowed.put(key.recoveryKeyId(), key);
        persist();
    }

    /** The rotations in progress. */
    public synchronized List<PendingReplacement> pendingReplacements() {
        return List.copyOf(pending);
    }

    /** The rotation in progress that replaces this old key, if any. */
    public synchronized Optional<PendingReplacement> replacementOf(String oldRecoveryKeyId) {
        return pending.stream().filter(p -> Guids.same(p.oldRecoveryKeyId(), oldRecoveryKeyId)).findFirst();
    }

    /** The rotation in progress in which this key is the new one, if any. */
    public synchronized Optional<PendingReplacement> rotationWithNewKey(String newRecoveryKeyId) {
        return pending.stream().filter(p -> Guids.same(p.newRecoveryKeyId(), newRecoveryKeyId)).findFirst();
    }

    /**
     * Records that a rotation is about to add a new protector, before Windows is asked for it: with the
     * protectors the volume has now, the new one is recognised after a crash.
     */
    public synchronized PendingReplacement announceReplacement(String volumeId, String oldRecoveryKeyId,
                                                               List<String> knownBefore) {
        PendingReplacement p = new PendingReplacement(Guids.normalize(volumeId), Guids.normalize(oldRecoveryKeyId),
                null, knownBefore.stream().map(Guids::normalize).toList());
        pending.removeIf(x -> x.oldRecoveryKeyId().equals(p.oldRecoveryKeyId()));
        pending.add(p);
        persist();
        return p;
    }

    /** Records a rotation in progress (replacing any earlier one for the same old key). */
    public synchronized PendingReplacement startReplacement(String volumeId, String oldRecoveryKeyId,
                                                            String newRecoveryKeyId) {
        List<String> before = replacementOf(oldRecoveryKeyId).map(PendingReplacement::knownBefore).orElse(List.of());
        PendingReplacement p = new PendingReplacement(Guids.normalize(volumeId),
                Guids.normalize(oldRecoveryKeyId), Guids.normalize(newRecoveryKeyId), before);
        pending.removeIf(x -> x.oldRecoveryKeyId().equals(p.oldRecoveryKeyId()));
        pending.add(p);
        persist();
        return p;
    }

    /** Forgets the rotation of this old key (it finished, or the old protector is gone). */
    public synchronized void finishReplacement(String oldRecoveryKeyId) {
        if (pending.removeIf(p -> Guids.same(p.oldRecoveryKeyId(), oldRecoveryKeyId))) {
            persist();
        }
    }

    /** Forgets everything (the device enrolled again as a new device). */
    public synchronized void clear() {
        escrowed.clear();
        pending.clear();
        persist();
    }

    /** The ledger as JSON. */
    public synchronized JsonObject toJson() {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        for (EscrowedKey k : escrowed.values()) {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("recoveryKeyId", k.recoveryKeyId())
                    .add("volumeId", k.volumeId());
            if (k.escrowedAt() != null) {
                b.add("escrowedAt", k.escrowedAt().toString());
            }
            keys.add(b);
        }
        JsonArrayBuilder ps = Json.createArrayBuilder();
        for (PendingReplacement p : pending) {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("volumeId", p.volumeId())
                    .add("oldRecoveryKeyId", p.oldRecoveryKeyId());
            if (p.newRecoveryKeyId() != null) {
                b.add("newRecoveryKeyId", p.newRecoveryKeyId());
            }
            JsonArrayBuilder before = Json.createArrayBuilder();
            p.knownBefore().forEach(before::add);
            ps.add(b.add("knownBefore", before));
        }
        return Json.createObjectBuilder().add("escrowed", keys).add("pendingReplacements", ps).build();
    }

    private void persist() {
        persister.accept(toJson());
    }

    private static String optString(JsonObject json, String key) {
        JsonValue v = json.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
