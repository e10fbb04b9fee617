package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over plain HTTP, only a trusted proxy (by default this machine: 127.0.0.1 and ::1) may send credentials
 * or change anything: from another address a device token, a password, the enrollment secret and a portal
 * post are refused (403, nothing stored, nothing audited); the same requests over HTTPS are served. Only a
 * trusted proxy's X-Forwarded-For names the client in the audit; HTTPS answers carry HSTS; the enrollment
 * answer, which holds the device token, is never cached.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(121)
class PlainHttpFromTheNetworkCarriesNoCredentialsIT {

    /** This machine, but not the address the default trusted proxies name. */
    private static final String NETWORK = "127.0.0.2";


    @Test
    void aDeviceTokenPasswordOrSecretOverPlainHttpFromTheNetworkIsRefused() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + device.token);
        String escrow = TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), Secrets.recoveryPassword()).build().toString();
        long eventsBefore = Database.count("SELECT COUNT(*) FROM audit_event WHERE source_address = ?", NETWORK);

        RawHttp.Answer actions = RawHttp.send(NETWORK, false, "GET", "/api/v1" + device.path("/actions"), bearer, null);
        assertRefused(actions);
        RawHttp.Answer stored = RawHttp.send(NETWORK, false, "POST", "/api/v1" + device.path("/recovery-keys"),
                Map.of("Authorization", "Bearer " + device.token, "Content-Type", "application/json"), escrow);
        assertRefused(stored);
        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", device.id));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Keywarden.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(RawHttp.send(NETWORK, false, "GET", "/api/v1/admin/users", Map.of("Authorization", basic), null));
        String enrollment = Json.createObjectBuilder().add("enrollmentSecret", Keywarden.enrollmentSecret())
                .add("hostname", "PLAIN-HTTP-PC").add("domain", "CORP").build().toString();
        assertRefused(RawHttp.send(NETWORK, false, "POST", "/api/v1/devices", Map.of("Content-Type", "application/json"),
                enrollment));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM device WHERE hostname = 'PLAIN-HTTP-PC'"));
        RawHttp.Answer signIn = RawHttp.send(NETWORK, false, "POST", "/signin",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "username=admin&password=x");
        assertEquals(403, signIn.status());
        assertTrue(signIn.body().contains("HTTPS"), signIn.body());
        RawHttp.Answer withSession = RawHttp.send(NETWORK, false, "GET", "/helpdesk/",
                Map.of("Cookie", "JSESSIONID=any-session-id"), null);
        assertEquals(403, withSession.status(), "a session cookie is a credential too");
        assertEquals(eventsBefore, Database.count("SELECT COUNT(*) FROM audit_event WHERE source_address = ?", NETWORK),
                "nothing refused here reached the audit");

        assertEquals(200, RawHttp.send(NETWORK, false, "GET", "/api/v1/health", Map.of(), null).status(),
                "what carries no credential is served");
        RawHttp.Answer overHttps = RawHttp.send(NETWORK, true, "GET", "/api/v1" + device.path("/actions"), bearer, null);
        assertEquals(200, overHttps.status(), overHttps.body());
        assertTrue(overHttps.header("Strict-Transport-Security").startsWith("max-age="), "HSTS on HTTPS answers");
        assertNull(actions.header("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    @Test
    void onlyATrustedProxyNamesTheClientInTheAudit() throws Exception {
        TestDevice device = TestDevice.enroll();
        String keyId = Secrets.guid();
        String body = TestDevice.key(Secrets.guid(), "OS", keyId, Secrets.recoveryPassword()).build().toString();
        Http.Reply viaProxy = Http.send(HttpRequest.newBuilder(URI.create(Keywarden.api(device.path("/recovery-keys"))))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + device.token).header("X-Forwarded-For", "203.0.113.9, 198.51.100.23")
                .POST(HttpRequest.BodyPublishers.ofString(body)), body);
        assertEquals(201, viaProxy.status(), viaProxy::toString);
        assertEquals("198.51.100.23", Database.text("SELECT source_address FROM audit_event WHERE action = 'KEY_ESCROW' "
                + "AND recovery_key_id = ?", keyId), "the right-most address the trusted proxy added");

        String direct = Secrets.guid();
        RawHttp.Answer notAProxy = RawHttp.send(NETWORK, true, "POST", "/api/v1" + device.path("/recovery-keys"),
                Map.of("Authorization", "Bearer " + device.token, "Content-Type", "application/json",
                        "X-Forwarded-For", "198.51.100.24"),
                TestDevice.key(Secrets.guid(), "OS", direct, Secrets.recoveryPassword()).build().toString());
        assertEquals(201, notAProxy.status(), notAProxy.body());
        assertEquals(NETWORK, Database.text("SELECT source_address FROM audit_event WHERE action = 'KEY_ESCROW' "
                + "AND recovery_key_id = ?", direct), "a client's own X-Forwarded-For is not believed");
    }

    @Test
    void theEnrollmentAnswerIsNeverCached() {
        String body = Json.createObjectBuilder().add("enrollmentSecret", Keywarden.enrollmentSecret())
                .add("hostname", "PC-" + Secrets.guid().substring(0, 8)).add("domain", "CORP").build().toString();
        Http.Reply enrolled = Http.post("/devices", body, null);
        assertEquals(201, enrolled.status(), enrolled::toString);
        Secrets.rememberToken(enrolled.json().getString("deviceToken"));
        assertEquals("no-store", enrolled.header("Cache-Control"));
    }

    private static void assertRefused(RawHttp.Answer answer) {
        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.body().contains("use HTTPS"), answer.body());
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), answer.headers().toString());
    }
}
