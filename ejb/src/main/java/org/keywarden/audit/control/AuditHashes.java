package org.keywarden.audit.control;

import org.keywarden.audit.entity.AuditEvent;
import org.keywarden.crypto.control.Digests;

/**
 * The canonical form of an audit event and its SHA-256, as documented for independent verifiers: each
 * field as {@code length:text|} ({@code -1:|} for null), then the hash in hex. Version 1 (events before
 * migration V6): id, time, actor, source address, action, outcome, device, volume, key, reason, detail,
 * previous hash. Version 2 adds, first, the version and the chain id, and after the detail the source
 * and the end user: an event cannot be moved to another chain or given another origin unnoticed.
 */
public final class AuditHashes {

    public static final int CURRENT = 2;

    private AuditHashes() {
    }

    public static String of(AuditEvent e, int version, String previousHash) {
        Object[] fields = switch (version) {
            case 1 -> new Object[] {e.getId(), e.getOccurredAt(), e.getActor(), e.getSourceAddress(), e.getAction(),
                    e.getOutcome(), e.getDeviceId(), e.getVolumeGuid(), e.getRecoveryKeyId(), e.getReason(),
                    e.getDetail(), previousHash};
            case 2 -> new Object[] {"v2", e.getChainId(), e.getId(), e.getOccurredAt(), e.getActor(),
                    e.getSourceAddress(), e.getAction(), e.getOutcome(), e.getDeviceId(), e.getVolumeGuid(),
                    e.getRecoveryKeyId(), e.getReason(), e.getDetail(), e.getSource(), e.getEndUser(), previousHash};
            default -> throw new IllegalArgumentException("unknown audit hash version " + version);
        };
        StringBuilder canonical = new StringBuilder(320);
        for (Object field : fields) {
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append('|');
        }
        return Digests.sha256Hex(canonical.toString());
    }
}
