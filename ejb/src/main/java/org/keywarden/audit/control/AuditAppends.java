package org.keywarden.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keywarden.audit.entity.AuditEvent;
import org.keywarden.audit.entity.AuditHead;

/**
 * Appends events to the audit trail in a plain JDBC transaction (auto-commit off), for writes grouped outside
 * the container's transactions: the same events, chains and hashes as {@link AuditTrail}, each event in the
 * chain of its device (or actor). The heads are locked in chain order, so two such transactions cannot
 * deadlock over them; the caller commits.
 */
public final class AuditAppends {

    private static final String HEAD = "SELECT id_cursor, last_hash FROM audit_chain_head WHERE chain_id = ? FOR UPDATE";
    private static final String EVENT = "INSERT INTO audit_event (event_id, occurred_at, actor, source_address, action, "
            + "outcome, device_id, volume_guid, recovery_key_id, reason, detail, chain_id, source, end_user, hash_version, "
            + "previous_hash, event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE = "UPDATE audit_chain_head SET id_cursor = ?, last_hash = ? WHERE chain_id = ?";

    private AuditAppends() {
    }

    /**
     * Appends one event per record, in the transaction of {@code connection}; an event's time is taken once its
     * chain's head is locked, as {@link AuditTrail} takes it, so a later event of a chain never has an earlier time.
     */
    public static void append(Connection connection, List<AuditRecord> records) throws SQLException {
        Map<Integer, List<AuditRecord>> byChain = new TreeMap<>();
        for (AuditRecord record : records) {
            byChain.computeIfAbsent(AuditTrail.chainOf(record), c -> new ArrayList<>()).add(record);
        }
        try (PreparedStatement head = connection.prepareStatement(HEAD);
             PreparedStatement events = connection.prepareStatement(EVENT);
             PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            for (Map.Entry<Integer, List<AuditRecord>> chain : byChain.entrySet()) {
                int chainId = chain.getKey();
                head.setInt(1, chainId);
                long cursor;
                String lastHash;
                try (ResultSet row = head.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("audit chain " + chainId + " has no head row");
                    }
                    cursor = row.getLong(1);
                    lastHash = row.getString(2);
                }
                Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                for (AuditRecord record : chain.getValue()) {
                    AuditEvent event = AuditTrail.event(record, chainId, AuditHead.nextEventId(chainId, cursor),
                            lastHash, at);
                    bind(events, event);
                    events.addBatch();
                    cursor = event.getId();
                    lastHash = event.getHash();
                }
                advance.setLong(1, cursor);
                advance.setString(2, lastHash);
                advance.setInt(3, chainId);
                advance.addBatch();
            }
            events.executeBatch();
            advance.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, AuditEvent e) throws SQLException {
        insert.setLong(1, e.getId());
        insert.setObject(2, LocalDateTime.ofInstant(e.getOccurredAt(), ZoneOffset.UTC));
        insert.setString(3, e.getActor());
        insert.setString(4, e.getSourceAddress());
        insert.setString(5, e.getAction());
        insert.setString(6, e.getOutcome().name());
        insert.setString(7, e.getDeviceId());
        insert.setString(8, e.getVolumeGuid());
        insert.setString(9, e.getRecoveryKeyId());
        insert.setString(10, e.getReason());
        insert.setString(11, e.getDetail());
        insert.setInt(12, e.getChainId());
        insert.setString(13, e.getSource() == null ? null : e.getSource().name());
        insert.setString(14, e.getEndUser());
        insert.setInt(15, e.getHashVersion());
        insert.setString(16, e.getPreviousHash());
        insert.setString(17, e.getHash());
    }
}
