package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A forged recover form, sent with a signed-in helpdesk user's session: without the page's view state
 * it discloses nothing; from another origin it is refused with a clear page; an expired view asks to
 * sign in again. Never a 500, never a stack trace, never a key.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(106)
class ForgedPortalPostsChangeNothingIT {

    @Test
    void postsWithoutViewStateFromAnotherOriginOrWithAnExpiredViewDiscloseNothing() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        PortalClient portal = PortalClient.signedIn(TestUsers.create("ADVANCED_HELPDESK"));
        String path = "/helpdesk/recover?key=" + keyId;
        Http.Reply page = portal.get(path);
        assertEquals(200, page.status());
        Map<String, String> form = Map.of("recover", "recover", "recover:reason", "LOST_PIN",
                "recover:endUser", "CORP\\alice", "recover:reasonText", "", "recover:submit", "Show");

        Http.Reply noViewState = portal.post(path, form, null);
        assertEquals(400, noViewState.status(), noViewState::toString);
        assertTrue(noViewState.body().contains("was not sent from a Keywarden page"), noViewState::body);
        assertNothingShown(noViewState, key);

        java.util.Map<String, String> withState = new java.util.HashMap<>(form);
        withState.put("jakarta.faces.ViewState", PortalClient.viewStateOf(page.body()));
        Http.Reply crossOrigin = portal.post(path, withState, "https://evil.example");
        assertEquals(403, crossOrigin.status());
        assertTrue(crossOrigin.body().contains("another site"), crossOrigin::body);
        assertNothingShown(crossOrigin, key);

        withState.put("jakarta.faces.ViewState", "1234567890:-987654321");
        Http.Reply expired = portal.post(path, withState, null);
        assertEquals(400, expired.status(), expired::toString);
        assertTrue(expired.body().contains("sign in again"), expired::body);
        assertNothingShown(expired, key);

        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' "
                + "AND recovery_key_id = ?", keyId));
    }

    @Test
    void everyPortalAnswerCarriesTheSecurityHeaders() {
        PortalClient portal = PortalClient.signedIn(TestUsers.create("HELPDESK"));
        for (String path : new String[] {"/signin", "/helpdesk/", "/helpdesk/search?q=PC-1", "/no-such-page"}) {
            Http.Reply reply = portal.get(path);
            assertEquals("no-store", reply.header("Cache-Control"), path);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), path);
            String policy = reply.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-eval") || policy.matches(".*script-src[^;]*unsafe-inline.*"), policy);
        }
        Http.Reply signIn = new PortalClient().get("/signin");
        String cookie = signIn.header("Set-Cookie");
        assertTrue(cookie != null && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"),
                "plain HTTP (this machine only): no Secure flag, or the cookie would be lost");
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        java.net.http.HttpClient https = org.keywarden.client.HttpClientFactory.create(true, java.time.Duration.ofSeconds(10));
        java.net.http.HttpResponse<String> signIn = https.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://localhost:8443/signin")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signIn.statusCode());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElse("").toLowerCase(java.util.Locale.ROOT);
        assertTrue(cookie.contains("; secure") && cookie.contains("httponly") && cookie.contains("samesite=strict"), cookie);
        assertTrue(signIn.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
    }

    @Test
    void aCrossSiteFormToTheAdminApiWithCachedBasicCredentialsChangesNothing() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + Keywarden.adminPassword())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long certificates = Database.count("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'ENCRYPTION%'");
        String name = "forged-" + Secrets.guid().substring(0, 8).toLowerCase(java.util.Locale.ROOT);
        for (String[] call : new String[][] {{"/admin/encryption/certificates", ""},
                {"/admin/encryption/backup-confirmation", ""},
                {"/admin/users", "username=" + name + "&password=forged-password-123&roles=ADMIN"}}) {
            Http.Reply reply = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Keywarden.api(call[0])))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://evil.example")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call[1])), null);
            ProblemAssert.assertInvalidField(reply, "Content-Type");
        }
        assertEquals(certificates, Database.count("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'ENCRYPTION%'"));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM app_user WHERE username = ?", name));
    }

    private static void assertNothingShown(Http.Reply reply, Map<String, String> key) {
        assertFalse(reply.body().contains("shown-key"), "a key page was answered");
        String password = key.get("recoveryPassword");
        assertFalse(reply.body().contains(password) || reply.body().contains(password.replace("-", "")),
                "the key in the answer");
        assertFalse(java.util.regex.Pattern.compile("\\tat [a-z]+\\.|Caused by:|[A-Za-z]Exception: ").matcher(reply.body())
                .find(), "a stack trace");
    }
}
