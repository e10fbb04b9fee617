package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail's hash chains, read back from the database after escrows from many devices at once
 * (and everything the earlier tests recorded): every chain links each event to its predecessor, every
 * event's hash is the SHA-256 of its fields, every head points at its chain's newest event (hash and id
 * cursor), and each chain's ids are congruent to the chain modulo 8 (so no two chains share an id). An
 * independent verifier, as an auditor would write one from docs: it shares no code with the server. Hash
 * version 2 (from migration V6) also covers the chain id, the source and the end user.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(95)
class AuditChainIT {

    private static final int CHAINS = 8;
    private static final String GENESIS = "0".repeat(64);


    @Test
    void everyChainIsUnbrokenAfterConcurrentEscrowsOfManyDevices() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> escrows = new ArrayList<>();
            for (int d = 0; d < 24; d++) {
                escrows.add(pool.submit(() -> {
                    TestDevice device = TestDevice.enroll();
                    for (int k = 0; k < 4; k++) {
                        device.escrowNewKey("FIXED");
                    }
                    return 4;
                }));
            }
            for (Future<Integer> escrow : escrows) {
                escrow.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, String> lastHashOfChain = new HashMap<>();
        Map<Integer, Long> lastIdOfChain = new HashMap<>();
        Map<Integer, Integer> eventsOfChain = new HashMap<>();
        try (Connection db = Database.connect();
             PreparedStatement select = db.prepareStatement("SELECT event_id, occurred_at, actor, source_address, action, "
                     + "outcome, device_id, volume_guid, recovery_key_id, reason, detail, previous_hash, event_hash, "
                     + "chain_id, source, end_user, hash_version FROM audit_event ORDER BY chain_id, event_id");
             ResultSet events = select.executeQuery()) {
            while (events.next()) {
                long id = events.getLong("event_id");
                int chain = events.getInt("chain_id");
                assertTrue(chain >= 1 && chain <= CHAINS, "chain " + chain);
                assertEquals(chain % CHAINS, id % CHAINS, "event " + id + " has an id of another chain than " + chain);
                String previous = lastHashOfChain.getOrDefault(chain, GENESIS);
                assertEquals(previous, events.getString("previous_hash"), "event " + id + " is not linked to its predecessor");
                LocalDateTime occurred = events.getObject("occurred_at", LocalDateTime.class);
                int version = events.getInt("hash_version");
                assertTrue(version == 1 || version == 2, "event " + id + " has hash version " + version);
                String hash = version == 1
                        ? sha256(id, occurred.toInstant(ZoneOffset.UTC), events.getString("actor"),
                                events.getString("source_address"), events.getString("action"), events.getString("outcome"),
                                events.getString("device_id"), events.getString("volume_guid"),
                                events.getString("recovery_key_id"), events.getString("reason"), events.getString("detail"),
                                previous)
                        : sha256("v2", chain, id, occurred.toInstant(ZoneOffset.UTC), events.getString("actor"),
                                events.getString("source_address"), events.getString("action"), events.getString("outcome"),
                                events.getString("device_id"), events.getString("volume_guid"),
                                events.getString("recovery_key_id"), events.getString("reason"), events.getString("detail"),
                                events.getString("source"), events.getString("end_user"), previous);
                assertEquals(hash, events.getString("event_hash"), "event " + id + " does not hash to its stored hash");
                lastHashOfChain.put(chain, hash);
                lastIdOfChain.put(chain, id);
                eventsOfChain.merge(chain, 1, Integer::sum);
            }
        }
        assertTrue(eventsOfChain.size() >= 4, "events of 24 devices should spread over the chains: " + eventsOfChain);
        for (int chain = 1; chain <= CHAINS; chain++) {
            assertEquals(lastHashOfChain.getOrDefault(chain, GENESIS),
                    Database.text("SELECT last_hash FROM audit_chain_head WHERE chain_id = ?", chain),
                    "head " + chain + " does not point at its chain's newest event");
            if (lastIdOfChain.containsKey(chain)) {
                assertEquals(lastIdOfChain.get(chain), Database.count(
                        "SELECT id_cursor FROM audit_chain_head WHERE chain_id = ?", chain),
                        "the id cursor of chain " + chain + " is not its newest event");
            }
        }
    }

    /** The documented canonical form: each field as length:text| (null as -1:|), then SHA-256 as hex. */
    private static String sha256(Object... fields) throws Exception {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append('|');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
