package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A monitoring system watches a node: the readiness check says the database and keystore are fine, and a
 * Prometheus scrape (as a report viewer) counts exactly what a known sequence of requests did, without
 * naming the device, key or user involved.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(45)
class MonitoringWatchesANodeIT {

    private static final String CHECK_INS = "POST /api/v1/devices/{deviceId}/status";
    /** What Prometheus 2 asks for. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Test
    void theReadinessCheckSaysTheDatabaseAndKeystoreAreReady() {
        Http.Reply reply = Http.get("/health/ready", null);

        assertEquals(200, reply.status(), reply::toString);
        JsonObject json = reply.json();
        assertEquals("READY", json.getString("status"), reply::toString);
        assertEquals("ok", json.getJsonObject("checks").getString("database"), reply::toString);
        assertEquals("ok", json.getJsonObject("checks").getString("keystore"), reply::toString);
    }

    @Test
    void aSchemaNewerThanTheNodeKnowsMakesItNotReady() throws Exception {
        try (java.sql.Connection db = Database.connect(); java.sql.Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO keywarden_schema_history (version, description, checksum, installed_at) "
                    + "VALUES (9999, 'a later release', 0, '2030-01-01T00:00:00Z')");
            try {
                Http.Reply reply = Http.get("/health/ready", null);

                assertEquals(503, reply.status(), reply::toString);
                assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
                assertTrue(reply.json().getString("detail").contains("database: the schema is at version 9999, newer than"),
                        reply::toString);
                assertEquals(200, Http.get("/health", null).status(), "liveness must not depend on the database");
            } finally {
                statement.executeUpdate("DELETE FROM keywarden_schema_history WHERE version = 9999");
            }
        }
        assertEquals(200, Http.get("/health/ready", null).status());
    }

    /** A check-in that says what the last one said is stored by a group commit, and counted as such. */
    @Test
    void anUnchangedCheckInIsCountedWithTheGroupCommitThatStoredIt() {
        TestUsers.User scraper = TestUsers.create("REPORT_VIEWER");
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        jakarta.json.JsonObject status = TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"));
        assertEquals(200, device.checkIn(status).status());
        Map<String, Double> before = scrape(scraper);

        Http.Reply same = device.checkIn(jakarta.json.Json.createObjectBuilder(status)
                .add("reportedAt", java.time.Instant.now().toString()).build());
        assertEquals(200, same.status(), same::toString);

        Map<String, Double> after = scrape(scraper);
        assertDelta(1, before, after, "keywarden_checkins_total");
        assertDelta(1, before, after, "keywarden_checkins_unchanged_total");
        assertDelta(1, before, after, "keywarden_checkin_group_commits_total");
    }

    @Test
    void aScrapeCountsAKnownSequenceAndNamesNoDeviceKeyOrUser() {
        TestUsers.User scraper = TestUsers.create("REPORT_VIEWER");
        TestUsers.User clumsy = TestUsers.create("HELPDESK");
        Map<String, Double> before = scrape(scraper);

        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        assertEquals(200, device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"))).status());
        String unescrowed = Secrets.guid();
        Http.Reply gap = device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"), unescrowed));
        assertEquals(200, gap.status(), gap::toString);
        assertEquals(1, gap.json().getJsonArray("actions").size(), gap::toString);
        Http.Reply wrong = Http.send(Http.asUser("/recovery-keys?hostname=" + device.hostname, clumsy.username(),
                "not-" + clumsy.password()).GET(), null);
        assertEquals(401, wrong.status(), wrong::toString);

        String text = scrapeText(scraper);
        Map<String, Double> after = parse(text);
        assertDelta(2, before, after, "keywarden_checkins_total");
        assertDelta(1, before, after, "keywarden_checkin_actions_total{type=\"ESCROW_RECOVERY_KEY\"}");
        assertDelta(1, before, after, "keywarden_audit_events_total{action=\"DEVICE_ENROLL\",outcome=\"SUCCESS\"}");
        assertDelta(1, before, after, "keywarden_audit_events_total{action=\"KEY_ESCROW\",outcome=\"SUCCESS\"}");
        assertDelta(1, before, after, "keywarden_audit_events_total{action=\"SIGN_IN\",outcome=\"FAILURE\"}");
        assertDelta(2, before, after, "keywarden_http_requests_total{method=\"POST\",endpoint=\"/api/v1/devices/{deviceId}/status\",status=\"200\"}");
        assertDelta(1, before, after, "keywarden_http_requests_total{method=\"POST\",endpoint=\"/api/v1/devices/{deviceId}/recovery-keys\",status=\"201\"}");
        assertDelta(2, before, after, "keywarden_http_request_duration_seconds_count{method=\"POST\",endpoint=\"/api/v1/devices/{deviceId}/status\"}");
        assertTrue(after.getOrDefault("keywarden_http_request_duration_seconds_bucket{method=\"POST\",endpoint="
                + "\"/api/v1/devices/{deviceId}/status\",le=\"+Inf\"}", 0.0) >= 2, CHECK_INS + " has no histogram");
        assertEquals(1.0, after.get("keywarden_ready"), "keywarden_ready");
        assertTrue(after.containsKey("keywarden_rotation_backlog"), text);
        assertTrue(after.containsKey("keywarden_audit_checkpoint_age_seconds"), text);
        assertPoolUse(after, text);
        for (String named : List.of(device.id, device.hostname, device.token, key.get("volumeId"), key.get("recoveryKeyId"),
                key.get("recoveryPassword"), unescrowed, clumsy.username(), clumsy.password(), scraper.username())) {
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(named.toLowerCase(java.util.Locale.ROOT)),
                    "the metrics name " + named);
        }
    }

    /** WildFly reports its pool: the scrape itself holds no connection when it reads it, so none is over the maximum. */
    private static void assertPoolUse(Map<String, Double> after, String text) {
        Double max = after.get("keywarden_db_pool_max_connections");
        assertTrue(max != null && max >= 1, "no pool maximum in\n" + text);
        double inUse = after.get("keywarden_db_pool_connections{state=\"in_use\"}");
        double idle = after.get("keywarden_db_pool_connections{state=\"idle\"}");
        assertTrue(inUse >= 0 && idle >= 0 && inUse + idle <= max, text);
        assertTrue(inUse + idle >= 1, "the pool served the requests above, so it holds a connection: " + text);
        assertTrue(after.get("keywarden_db_pool_waits_total") >= 0, text);
    }

    @Test
    void onlyReportViewersAndAdministratorsMayScrape() {
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(java.net.URI.create(Keywarden.api("/metrics"))).GET();
        assertEquals(401, Http.send(anonymous, null).status());
        TestUsers.User helpdesk = TestUsers.create("HELPDESK");
        assertEquals(403, Http.send(scrapeAs(helpdesk.username(), helpdesk.password()), null).status());
        assertEquals(200, Http.send(scrapeAs("admin", Keywarden.adminPassword()), null).status());
    }

    static void assertDelta(double expected, Map<String, Double> before, Map<String, Double> after, String series) {
        assertEquals(expected, after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0), series);
    }

    static Map<String, Double> scrape(TestUsers.User user) {
        return parse(scrapeText(user));
    }

    private static String scrapeText(TestUsers.User user) {
        Http.Reply reply = Http.send(scrapeAs(user.username(), user.password()), null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        return reply.body();
    }

    private static HttpRequest.Builder scrapeAs(String username, String password) {
        return Http.asUser("/metrics", username, password).setHeader("Accept", PROMETHEUS_ACCEPT).GET();
    }

    /** Series (name and labels, as written) to value; comments skipped. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }
}
