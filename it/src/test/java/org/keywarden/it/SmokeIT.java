package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * login to the admin API (our own authentication mechanism). Also run on Payara.
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
    public void theAdminApiTakesHttpBasicOfItsAdministratorOnly() {
        Http.Reply admin = Http.send(Http.asUser("/admin/encryption", "admin", Keywarden.adminPassword()).GET(), null);
        assertEquals(200, admin.status(), admin::toString);
        assertEquals(401, Http.send(Http.asUser("/admin/encryption", "admin", "not-the-password").GET(), null).status());
        Http.Reply malformed = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Keywarden.api("/admin/encryption")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "admin:".getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET(), null);
        assertEquals(401, malformed.status(), malformed::toString);
    }
}
