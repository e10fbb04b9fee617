package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/v1/admin/encryption}: only an administrator sees how secrets are kept; a generated keystore
 * is reported with a warning until an administrator confirms its backup, which is audited.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(87)
class AdminEncryptionIT {

    @Test
    void theAdminApiNeedsAnAdministrator() {
        Http.Reply anonymous = Http.send(HttpRequest.newBuilder(java.net.URI.create(Keywarden.api("/admin/encryption")))
                .GET(), null);
        ProblemAssert.assertProblem(anonymous, 401);
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"), anonymous.header("WWW-Authenticate"));
        ProblemAssert.assertProblem(Http.send(Http.asUser("/admin/encryption", "admin", "wrong-password").GET(), null),
                401);
        assertEquals(401, Http.send(Http.asUser("/admin/encryption", "nobody", Keywarden.adminPassword()).GET(), null)
                .status());
        TestDevice device = TestDevice.enroll();
        assertEquals(401, Http.get("/admin/encryption", device.token).status(), "a device token is no admin login");
    }

    @Test
    void malformedBasicCredentialsAreA401ProblemNeverA500() {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        for (String header : new String[] {"Basic", "Basic ", "Basic !!!!", "Basic YWRtaW4",
                "Basic " + base64.encodeToString("admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "Basic " + base64.encodeToString("admin:".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "Basic " + base64.encodeToString(":".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "Basic " + base64.encodeToString(new byte[] {'a', 'd', 'm', 'i', 'n', ':', (byte) 0xff}),
                "Basic " + base64.encodeToString(("admin:" + "x".repeat(6000)).getBytes(java.nio.charset.StandardCharsets.UTF_8))}) {
            Http.Reply reply = Http.send(HttpRequest.newBuilder(java.net.URI.create(Keywarden.api("/admin/encryption")))
                    .header("Authorization", header).GET(), null);
            ProblemAssert.assertProblem(reply, 401);
            assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"), header);
        }
        // where the administrator's password is configured (it/pom.xml), it contains colons: it must work
        // whole, and only whole (the generated one has none)
        String password = Keywarden.adminPassword();
        assertEquals(200, Http.send(Http.asUser("/admin/encryption", "admin", password).GET(), null).status());
        if (System.getProperty("keywarden.test.admin.password", "").isEmpty()) {
            return;
        }
        assertTrue(password.indexOf(':') > 0, "the configured test password should contain a colon");
        assertEquals(401, Http.send(Http.asUser("/admin/encryption", "admin", password.substring(0, password.indexOf(':')))
                .GET(), null).status());
    }

    @Test
    void aRememberedPasswordMatchLetsNoOtherPasswordIn() {
        // a match is remembered (VerifiedPasswords): right after one, near misses must still be refused
        String password = Keywarden.adminPassword();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.send(Http.asUser("/admin/encryption", "admin", password).GET(), null).status());
        }
        for (String wrong : new String[] {password + "x", password.substring(0, password.length() - 1),
                password.toUpperCase(java.util.Locale.ROOT).equals(password) ? password.toLowerCase(java.util.Locale.ROOT)
                        : password.toUpperCase(java.util.Locale.ROOT), ""}) {
            ProblemAssert.assertProblem(Http.send(Http.asUser("/admin/encryption", "admin", wrong).GET(), null), 401);
        }
        assertEquals(200, Http.send(Http.asUser("/admin/encryption", "admin", password).GET(), null).status());
    }

    /** The warnings that ask for the backup (the H2 run also warns that the password lies beside the database). */
    private static long backupWarnings(JsonObject status) {
        return status.getJsonArray("warnings").getValuesAs(jakarta.json.JsonString.class).stream()
                .filter(w -> w.getString().contains("Back it up")).count();
    }

    @Test
    void aGeneratedKeystoreIsReportedWithAWarningUntilItsBackupIsConfirmed() throws Exception {
        JsonObject status = admin(Http.asUser("/admin/encryption", "admin", Keywarden.adminPassword()).GET());
        assertEquals("cms", status.getString("mode"));
        assertTrue(status.getBoolean("generatedKeystore"));
        assertEquals(1, status.getJsonArray("certificates").size());
        JsonObject certificate = status.getJsonArray("certificates").getJsonObject(0);
        assertTrue(certificate.getBoolean("encrypts"));
        assertTrue(certificate.getString("fingerprint").matches("[0-9a-f]{64}"));
        assertEquals(1, backupWarnings(status), status::toString);

        JsonObject confirmed = admin(Http.asUser("/admin/encryption/backup-confirmation", "admin",
                Keywarden.adminPassword()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(certificate.getString("fingerprint"), confirmed.getString("confirmedFor"));

        JsonObject after = admin(Http.asUser("/admin/encryption", "admin", Keywarden.adminPassword()).GET());
        assertEquals(0, backupWarnings(after), after::toString);
        assertEquals("user:admin", after.getString("backupConfirmedBy"));
        assertTrue(Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ENCRYPTION_BACKUP_CONFIRMED' "
                + "AND actor = 'user:admin' AND outcome = 'SUCCESS'") >= 1);
        assertFalse(after.toString().contains(Keywarden.adminPassword()));
    }

    @Test
    void aGeneratedAdministratorPasswordIsReadableByTheServerUserOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("keywarden.test.admin.password") == null,
                "this run configures KEYWARDEN_ADMIN_PASSWORD");
        var file = Keywarden.dataDir().resolve("initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Secrets.remember(Keywarden.adminPassword());
    }

    private static JsonObject admin(HttpRequest.Builder request) {
        Http.Reply reply = Http.send(request, null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
