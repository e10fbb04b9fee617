package org.keywarden.loadgen.ledger;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.keywarden.loadgen.http.EscrowRequest;
import org.keywarden.loadgen.http.JsonSupport;

/**
 * One acknowledged escrow. Holds the device token and the recovery password, so {@link #toString()}
 * shows neither.
 */
public final class LedgerEntry {
    /** Device ids go into URL paths: letters, digits and hyphens only. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final String server;
    private final String deviceId;
    private final String deviceToken;
    private final EscrowRequest escrow;
    private final int status;
    private final Instant acknowledgedAt;

    public LedgerEntry(String server, String deviceId, String deviceToken, EscrowRequest escrow, int status,
                       Instant acknowledgedAt) {
        this.server = Objects.requireNonNull(server, "server");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        if (!SAFE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("deviceId is not a plain identifier");
        }
        this.deviceToken = Objects.requireNonNull(deviceToken, "deviceToken");
        this.escrow = Objects.requireNonNull(escrow, "escrow");
        this.status = status;
        this.acknowledgedAt = Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    }

    public String server() {
        return server;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Secret. */
    public String deviceToken() {
        return deviceToken;
    }

    /** The escrow as it was sent (with the secret recovery password), without {@code replaces}. */
    public EscrowRequest escrow() {
        return escrow;
    }

    public String recoveryKeyId() {
        return escrow.recoveryKeyId();
    }

    /** The status that acknowledged it: 201 or 200. */
    public int status() {
        return status;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    /** The ledger line (no line break). */
    public String toLine() {
        var b = JsonSupport.object()
                .add("acknowledgedAt", acknowledgedAt.toString())
                .add("status", status)
                .add("server", server)
                .add("deviceId", deviceId)
                .add("deviceToken", deviceToken)
                .add("volumeId", escrow.volumeId())
                .add("volumeType", escrow.volumeType())
                .add("recoveryKeyId", escrow.recoveryKeyId())
                .add("recoveryPassword", escrow.recoveryPassword());
        if (escrow.driveLetter() != null) {
            b.add("driveLetter", escrow.driveLetter());
        }
        return JsonSupport.compact(b.build());
    }

    /**
     * Parses a ledger line.
     *
     * @throws IllegalArgumentException if it is not one (the message never quotes the line)
     */
    public static LedgerEntry parse(String line) {
        JsonObject o;
        try {
            o = JsonSupport.parseObject(line);
            EscrowRequest escrow = new EscrowRequest(o.getString("volumeId"), o.getString("volumeType"),
                    o.getString("driveLetter", null), o.getString("recoveryKeyId"), o.getString("recoveryPassword"),
                    null);
            return new LedgerEntry(o.getString("server"), o.getString("deviceId"), o.getString("deviceToken"), escrow,
                    o.getInt("status"), Instant.parse(o.getString("acknowledgedAt")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a ledger line (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "LedgerEntry[device " + deviceId + ", key " + escrow.recoveryKeyId() + ", HTTP " + status + "]";
    }
}
