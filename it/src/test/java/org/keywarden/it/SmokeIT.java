package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shortest useful life of a device: enroll, escrow, check in; and an administrator's HTTP Basic
 * login to the admin API (our own authentication mechanism); a monitoring system's readiness check and
 * scrape; an administrator's backup. Also run on Payara.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(1)
public class SmokeIT {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    public void answersItsHealthCheckWithoutAnyCredentials() {
        Http.Reply health = Http.get("/health", null);
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().getString("status"));
    }

    @Test
    public void enrollEscrowCheckIn() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");

        Http.Reply checkIn = device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId")));

        assertEquals(200, checkIn.status(), checkIn::toString);
        assertEquals(0, checkIn.json().getJsonArray("actions").size(), checkIn::toString);
        assertEquals(90, checkIn.json().getInt("checkInIntervalMinutes"));
    }

    @Test
    public void aMonitoringSystemSeesTheNodeReadyAndCountsACheckIn() {
        Http.Reply ready = Http.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("READY", ready.json().getString("status"), ready::toString);
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        double before = checkIns(scrape());

        assertEquals(200, device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"))).status());

        String after = scrape();
        assertEquals(before + 1, checkIns(after), after);
        assertTrue(after.contains("\nkeywarden_ready 1\n"), after);
    }

    @Test
    public void anAdministratorTakesABackupWithTheKeystore() {
        TestDevice.enroll().escrowNewKey("OS");

        Http.Reply reply = Http.send(Http.asUser("/admin/backups", "admin", Keywarden.adminPassword())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), null);

        assertEquals(201, reply.status(), reply::toString);
        java.util.List<String> files = reply.json().getJsonArray("files").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        boolean h2 = System.getProperty("keywarden.test.jdbc.url", "jdbc:h2:").startsWith("jdbc:h2:");
        assertEquals(h2, files.contains("database.zip"), files.toString());
        assertTrue(files.contains("encryption/keystore.p12") && files.contains("encryption-password/keystore.password"),
                files.toString());
        assertTrue(reply.json().getJsonNumber("recoveryKeys").longValue() >= 1, reply::toString);
    }

    private static String scrape() {
        Http.Reply metrics = Http.send(Http.asUser("/metrics", "admin", Keywarden.adminPassword())
                .setHeader("Accept", "text/plain;version=0.0.4").GET(), null);
        assertEquals(200, metrics.status(), metrics::toString);
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        return metrics.body();
    }

    private static double checkIns(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("keywarden_checkins_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    public void theAdminApiTakesHttpBasicOfItsAdministratorOnly() {
        Http.Reply admin = Http.send(Http.asUser("/admin/encryption", "admin", Keywarden.adminPassword()).GET(), null);
        assertEquals(200, admin.status(), admin::toString);
        assertEquals(401, Http.send(Http.asUser("/admin/encryption", "admin", "not-the-password").GET(), null).status());
        Http.Reply malformed = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Keywarden.api("/admin/encryption")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "admin:".getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET(), null);
        assertEquals(401, malformed.status(), malformed::toString);
    }

    @Test
    public void aHelpdeskSignsInToThePortalFindsAKeyAndRecoversIt() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        PortalClient portal = PortalClient.signedIn("admin", Keywarden.adminPassword());
        Http.Reply search = portal.get("/helpdesk/search?q=" + keyId.substring(0, 8));
        assertEquals(200, search.status(), search::toString);
        assertTrue(search.body().contains(device.hostname), search::body);
        Http.Reply form = portal.get("/helpdesk/recover?key=" + keyId);
        assertEquals(200, form.status(), form::toString);
        Map<String, String> fields = new java.util.HashMap<>(Map.of("recover", "recover", "recover:reason", "LOST_PIN",
                "recover:endUser", "CORP\\alice", "recover:reasonText", "", "recover:submit", "Show"));
        fields.putAll(PortalClient.hiddenFieldsOf(form.body()));
        Http.Reply shown = portal.postUnrecorded("/helpdesk/recover?key=" + keyId, fields);
        assertEquals(200, shown.status(), shown::toString);
        for (String group : key.get("recoveryPassword").split("-")) {
            assertTrue(shown.body().contains("<span class=\"kw-group\">" + group + "</span>"), "group " + group);
        }
        assertEquals("no-store", shown.header("Cache-Control"));
    }
}
