package org.keywarden.loadgen.http;

import java.util.Objects;

/**
 * The body of one escrow: a recovery key for a volume, optionally replacing the volume's previous
 * key. Holds a secret; {@link #toString()} leaves it out.
 */
public final class EscrowRequest {
    private final String volumeId;
    private final String volumeType;
    private final String driveLetter;
    private final String recoveryKeyId;
    private final String recoveryPassword;
    private final String replaces;

    public EscrowRequest(String volumeId, String volumeType, String driveLetter, String recoveryKeyId,
                         String recoveryPassword, String replaces) {
        this.volumeId = Objects.requireNonNull(volumeId, "volumeId");
        this.volumeType = Objects.requireNonNull(volumeType, "volumeType");
        this.driveLetter = driveLetter;
        this.recoveryKeyId = Objects.requireNonNull(recoveryKeyId, "recoveryKeyId");
        this.recoveryPassword = Objects.requireNonNull(recoveryPassword, "recoveryPassword");
        this.replaces = replaces;
    }

    public String volumeId() {
        return volumeId;
    }

    public String volumeType() {
        return volumeType;
    }

    /** May be {@code null}. */
    public String driveLetter() {
        return driveLetter;
    }

    public String recoveryKeyId() {
        return recoveryKeyId;
    }

    /** Secret. */
    public String recoveryPassword() {
        return recoveryPassword;
    }

    /** The key this one replaces, or {@code null}. */
    public String replaces() {
        return replaces;
    }

    /** JSON body as in protocol.md. */
    String toJson() {
        var b = JsonSupport.object()
                .add("volumeId", volumeId)
                .add("volumeType", volumeType)
                .add("recoveryKeyId", recoveryKeyId)
                .add("recoveryPassword", recoveryPassword);
        if (driveLetter != null) {
            b.add("driveLetter", driveLetter);
        }
        if (replaces != null) {
            b.add("replaces", replaces);
        }
        return JsonSupport.compact(b.build());
    }

    @Override
    public String toString() {
        return "EscrowRequest[volume " + volumeId + ", key " + recoveryKeyId + "]";
    }
}
