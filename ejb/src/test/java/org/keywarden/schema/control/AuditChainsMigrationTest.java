package org.keywarden.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keywarden.audit.entity.AuditHead;

/**
 * V4 on an H2 database that already has audit events (an upgrade): the old chain continues as chain 1
 * from its head, seven empty chains start, and the next id of every chain is above every existing id
 * and unique. The runner's own statement splitting is used, as in production.
 */
class AuditChainsMigrationTest {

    @Test
    void turnsOneChainIntoEightWithoutReusingAnId() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:v4-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
             Statement sql = db.createStatement()) {
            for (String file : new String[] {"V1__initial_schema.sql", "V2__sealed_with.sql", "V3__identity_and_settings.sql"}) {
                apply(sql, Migration.load("h2", file));
            }
            for (int id = 1; id <= 13; id++) {
                sql.execute("INSERT INTO audit_event (event_id, occurred_at, actor, action, outcome, previous_hash, event_hash) "
                        + "VALUES (" + id + ", CURRENT_TIMESTAMP, 'test', 'TEST', 'SUCCESS', 'p" + id + "', 'h" + id + "')");
            }
            sql.execute("UPDATE audit_head SET last_event_id = 13, last_hash = 'h13' WHERE head_id = 1");

            apply(sql, Migration.load("h2", "V4__audit_chains.sql"));

            assertEquals(13, count(sql, "SELECT COUNT(*) FROM audit_event WHERE chain_id = 1"), "old events are chain 1");
            assertEquals("h13", text(sql, "SELECT last_hash FROM audit_chain_head WHERE chain_id = 1"), "chain 1 continues");
            assertEquals(7, count(sql, "SELECT COUNT(*) FROM audit_chain_head WHERE chain_id BETWEEN 2 AND 8 AND last_hash = '"
                    + "0".repeat(64) + "'"), "seven new chains from the genesis hash");
            assertEquals(AuditHead.CHAINS, count(sql, "SELECT COUNT(*) FROM audit_chain_head"));
            assertEquals(0, count(sql, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'AUDIT_HEAD'"),
                    "the old head is gone, so a node of the previous version cannot write outside the chains");
            Set<Long> ids = new HashSet<>();
            try (ResultSet heads = sql.executeQuery("SELECT chain_id, id_cursor FROM audit_chain_head ORDER BY chain_id")) {
                while (heads.next()) {
                    int chain = heads.getInt(1);
                    long cursor = heads.getLong(2);
                    for (int step = 1; step <= 3; step++) {
                        long next = AuditHead.nextEventId(cursor);
                        assertTrue(next > 13, "chain " + chain + " would reuse id " + next);
                        assertEquals(chain % AuditHead.CHAINS, next % AuditHead.CHAINS, "chain " + chain + " hands out id " + next);
                        assertTrue(ids.add(next), "id " + next + " handed out twice");
                        cursor = next;
                    }
                }
            }
            assertEquals(3 * AuditHead.CHAINS, ids.size());
        }
    }

    private static void apply(Statement sql, Migration migration) throws SQLException {
        for (String statement : migration.statements()) {
            sql.execute(statement);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
