package org.keywarden.audit.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.keywarden.audit.entity.AuditHead;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.crypto.control.Signatures;
import org.keywarden.identity.control.Roles;

/**
 * Writes a signed checkpoint of the audit chains' heads every 5 minutes (and when an administrator asks)
 * to {@code <data dir>/audit-checkpoints/}, one JSON file each, kept for 7 days. Signed with the
 * encryption keystore's newest key (RSASSA-PSS); while encryption is off the checkpoints are unsigned
 * and say so. Each node writes to its own data directory.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());
    static final String DIRECTORY = "audit-checkpoints";
    static final Duration KEPT = Duration.ofDays(7);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    Signatures signatures;

    @Inject
    KeywardenSettings settings;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void scheduled() {
        if (!org.keywarden.platform.control.StartupComplete.isDone()) {
            return; // still starting (or failing to): another bean's call would wait for ever
        }
        try {
            write();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not write an audit checkpoint: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A checkpoint now, for an administrator (before an export, say). */
    @RolesAllowed(Roles.ADMIN)
    public Checkpoint writeNow() {
        return write();
    }

    Checkpoint write() {
        List<Checkpoint.Head> heads = em.createQuery("SELECT h FROM AuditHead h ORDER BY h.chainId", AuditHead.class)
                .getResultStream().map(h -> new Checkpoint.Head(h.getChainId(), h.getIdCursor(), h.getLastHash())).toList();
        Checkpoint unsigned = new Checkpoint(Instant.now().truncatedTo(ChronoUnit.MILLIS), heads, null, null);
        Checkpoint checkpoint = signatures.sign(unsigned.signedText())
                .map(s -> new Checkpoint(unsigned.at(), heads, s.fingerprint(), s.signature())).orElse(unsigned);
        Path dir = directory();
        try {
            org.keywarden.config.control.DataFiles.createOwnerOnlyDirectories(dir);
            Path file = dir.resolve("checkpoint-" + FILE_TIME.format(checkpoint.at()) + ".json");
            org.keywarden.config.control.DataFiles.writeOwnerOnly(file, toJson(checkpoint));
            prune(dir, checkpoint.at().minus(KEPT));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an audit checkpoint to " + dir, e);
        }
        return checkpoint;
    }

    /** When this node wrote its newest checkpoint, from the file names alone (cheap enough for every scrape). */
    public java.util.Optional<Instant> newestAt() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("checkpoint-.*\\.json"))
                    .max(java.util.Comparator.naturalOrder())
                    .map(n -> FILE_TIME.parse(n.substring("checkpoint-".length(), n.length() - ".json".length()), Instant::from));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every checkpoint this node kept (7 days), newest first. */
    public List<Checkpoint> kept() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> names = files.filter(p -> p.getFileName().toString().matches("checkpoint-.*\\.json"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
            List<Checkpoint> checkpoints = new ArrayList<>(names.size());
            for (Path file : names) {
                checkpoints.add(fromJson(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return checkpoints;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the audit checkpoints in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether the checkpoint carries a valid signature of a certificate in the keystore. */
    public boolean isSigned(Checkpoint checkpoint) {
        return signatures.verify(checkpoint.signedText(), checkpoint.signedWith(), checkpoint.signature());
    }

    /** Whether the checkpoint names a signing certificate that the keystore still holds. */
    public boolean isSignedWithKnownCertificate(Checkpoint checkpoint) {
        return checkpoint.signedWith() != null && signatures.knows(checkpoint.signedWith());
    }

    private Path directory() {
        return settings.dataDir().resolve(DIRECTORY);
    }

    private static void prune(Path dir, Instant before) throws IOException {
        String oldest = "checkpoint-" + FILE_TIME.format(before);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("checkpoint-")
                    && p.getFileName().toString().compareTo(oldest) < 0).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static String toJson(Checkpoint checkpoint) {
        JsonArrayBuilder chains = Json.createArrayBuilder();
        for (Checkpoint.Head head : checkpoint.chains()) {
            chains.add(Json.createObjectBuilder().add("chain", head.chain()).add("lastEventId", head.lastEventId())
                    .add("lastHash", head.lastHash()));
        }
        var json = Json.createObjectBuilder().add("format", "keywarden-audit-checkpoint-v1")
                .add("at", checkpoint.at().toString()).add("chains", chains);
        if (checkpoint.signature() != null) {
            json.add("signatureAlgorithm", "RSASSA-PSS/SHA-256/MGF1-SHA-256/salt-32")
                    .add("signedWith", checkpoint.signedWith()).add("signature", checkpoint.signature());
        }
        return json.build().toString();
    }

    static Checkpoint fromJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            List<Checkpoint.Head> heads = new ArrayList<>();
            for (JsonObject head : json.getJsonArray("chains").getValuesAs(JsonObject.class)) {
                heads.add(new Checkpoint.Head(head.getInt("chain"), head.getJsonNumber("lastEventId").longValue(),
                        head.getString("lastHash")));
            }
            return new Checkpoint(Instant.parse(json.getString("at")), heads, json.getString("signedWith", null),
                    json.getString("signature", null));
        }
    }
}
