package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.keywarden.it.MonitoringWatchesANodeIT.assertDelta;
import static org.keywarden.it.MonitoringWatchesANodeIT.scrape;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new key is stored by a group commit (with other devices' escrows in one transaction) exactly as the full
 * way stores it: the key opens with the password sent, the key it replaces is superseded, the escrow is audited
 * in its device's chain. A re-send goes the full way; a batch that loses a race is rolled back whole and every
 * other escrow of it is still stored, once.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(61)
class EscrowsOfManyDevicesShareACommitIT {

    @Test
    void aNewKeyAndItsReplacementAreStoredByGroupCommitsAsTheFullWayStoresThem() {
        TestUsers.User scraper = TestUsers.create("REPORT_VIEWER");
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String first = Secrets.guid();
        String second = Secrets.guid();
        String password = Secrets.recoveryPassword();
        Map<String, Double> before = scrape(scraper);

        Http.Reply stored = device.escrow(TestDevice.key(volume, "OS", first, Secrets.recoveryPassword()));
        assertEquals(201, stored.status(), stored::toString);
        Http.Reply replaced = device.escrow(TestDevice.key(volume, "OS", second, password).add("replaces", first));
        assertEquals(201, replaced.status(), replaced::toString);
        assertEquals("ACTIVE", replaced.json().getString("state"), replaced::toString);

        Map<String, Double> after = scrape(scraper);
        assertDelta(2, before, after, "keywarden_escrows_grouped_total");
        assertDelta(2, before, after, "keywarden_audit_events_total{action=\"KEY_ESCROW\",outcome=\"SUCCESS\"}");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id), "one new volume");
        assertEquals("SUPERSEDED", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", first));
        assertEquals(second, Database.text("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?", first));
        assertEquals("supersedes " + first, Database.text("SELECT detail FROM audit_event WHERE recovery_key_id = ? "
                + "AND action = 'KEY_ESCROW'", second));
        assertNull(Database.single("SELECT key_package FROM recovery_key WHERE recovery_key_id = ?", second), "no package sent");

        Http.Reply disclosed = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + second + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"TPM_RESET\"}")));
        assertEquals(200, disclosed.status(), disclosed::toString);
        assertEquals(password, disclosed.json().getString("recoveryPassword"), "the sealed password opens as sent");
    }

    @Test
    void aReSentKeyIsAcknowledgedTheFullWayAndStoredOnce() {
        TestUsers.User scraper = TestUsers.create("REPORT_VIEWER");
        TestDevice device = TestDevice.enroll();
        byte[] keyPackage = Secrets.guid().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String body = TestDevice.key(Secrets.guid(), "FIXED", Secrets.guid(), Secrets.recoveryPassword())
                .add("keyPackage", java.util.Base64.getEncoder().encodeToString(keyPackage)).build().toString();
        assertEquals(201, Http.post(device.path("/recovery-keys"), body, device.token).status());
        Map<String, Double> before = scrape(scraper);

        Http.Reply again = Http.post(device.path("/recovery-keys"), body, device.token);

        assertEquals(200, again.status(), again::toString);
        assertDelta(0, before, scrape(scraper), "keywarden_escrows_grouped_total");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", device.id));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? AND action = 'KEY_ESCROW'",
                device.id), "the re-send changed nothing and is not audited again");
    }

    @Test
    void aBatchThatLosesARaceStoresEveryOtherEscrowOfItOnce() throws Exception {
        TestDevice racing = TestDevice.enroll();
        String raced = Secrets.guid();
        String racedBody = TestDevice.key(Secrets.guid(), "OS", raced, Secrets.recoveryPassword()).build().toString();
        List<TestDevice> others = new ArrayList<>();
        List<String> otherKeys = new ArrayList<>();
        List<Callable<Http.Reply>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(() -> Http.post(racing.path("/recovery-keys"), racedBody, racing.token));
            TestDevice other = TestDevice.enroll();
            String key = Secrets.guid();
            String body = TestDevice.key(Secrets.guid(), "OS", key, Secrets.recoveryPassword()).build().toString();
            others.add(other);
            otherKeys.add(key);
            requests.add(() -> Http.post(other.path("/recovery-keys"), body, other.token));
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        int[] statuses = new int[requests.size()];
        try {
            List<Future<Http.Reply>> replies = pool.invokeAll(requests);
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = replies.get(i).get().status();
            }
        } finally {
            pool.shutdownNow();
        }
        int racedCreated = 0;
        for (int i = 0; i < statuses.length; i += 2) {
            racedCreated += statuses[i] == 201 ? 1 : 0;
            assertEquals(true, statuses[i] == 201 || statuses[i] == 200, "raced answer " + statuses[i]);
        }
        assertEquals(1, racedCreated, "one of the identical escrows stored the key, the others were re-sends");
        int[] othersCreated = new int[others.size()];
        int[] expected = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            othersCreated[i] = statuses[2 * i + 1];
            expected[i] = 201;
            assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ? AND device_id = ?",
                    otherKeys.get(i), others.get(i).id));
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE recovery_key_id = ? "
                    + "AND action = 'KEY_ESCROW' AND outcome = 'SUCCESS'", otherKeys.get(i)), "audited once");
        }
        assertArrayEquals(expected, othersCreated, "every other device's key was stored");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", raced));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE recovery_key_id = ? "
                + "AND action = 'KEY_ESCROW' AND outcome = 'SUCCESS'", raced), "the raced key audited once");
    }
}
