package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator takes a backup through the admin API: it lands owner-only in the data directory with the
 * embedded database (or says to dump PostgreSQL with its tools), the keystore, its password apart, the TLS
 * identity and a manifest; it is audited, holds no secret in its answer or manifest, and only administrators
 * may take one. The restore onto a fresh machine is proven with the release (dist/src/test/release-check.sh).
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(46)
class AnAdministratorBacksUpTheInstallationIT {

    @Test
    void theBackupHoldsWhatARestoreNeedsOwnerOnlyAndNoSecretInItsAnswer() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");

        Http.Reply reply = Http.send(Http.asUser("/admin/backups", "admin", Keywarden.adminPassword())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), null);

        assertEquals(201, reply.status(), reply::toString);
        JsonObject report = reply.json();
        Path directory = Path.of(report.getString("directory"));
        assertTrue(directory.startsWith(Keywarden.dataDir().resolve("backups").toRealPath())
                || directory.startsWith(Keywarden.dataDir().resolve("backups")), directory.toString());
        List<String> files = report.getJsonArray("files").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        boolean h2 = System.getProperty("keywarden.test.jdbc.url").startsWith("jdbc:h2:");
        assertEquals(h2, report.getBoolean("databaseIncluded"), reply::toString);
        if (h2) {
            assertTrue(files.contains("database.zip"), files.toString());
            assertTrue(Files.size(directory.resolve("database.zip")) > 0);
        } else {
            assertTrue(report.getString("database").contains("PostgreSQL"), reply::toString);
        }
        assertTrue(files.contains("encryption/keystore.p12"), files.toString());
        assertTrue(files.contains("encryption-password/keystore.password"), files.toString());
        assertTrue(files.contains("tls/certificate.sha256") || !Files.exists(Keywarden.dataDir().resolve("tls")), files.toString());
        assertTrue(report.getJsonNumber("recoveryKeys").longValue() >= 1, reply::toString);
        assertFalse(report.getJsonArray("certificatesNeeded").isEmpty(), reply::toString);

        String manifest = Files.readString(directory.resolve("manifest.json"));
        for (String secret : List.of(key.get("recoveryPassword"), device.token, Keywarden.adminPassword())) {
            assertFalse(reply.body().contains(secret), "the answer holds a secret");
            assertFalse(manifest.contains(secret), "the manifest holds a secret");
        }
        assertArrayEqualsKeystore(directory);
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                assertTrue(permissions.stream().allMatch(p -> p.name().startsWith("OWNER")), path + " is " + permissions);
            }
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'BACKUP_CREATED' AND detail LIKE ?",
                "backup " + directory.getFileName() + ":%"));
    }

    @Test
    void onlyAnAdministratorMayTakeABackup() {
        TestUsers.User reports = TestUsers.create("REPORT_VIEWER", "ADVANCED_HELPDESK");

        Http.Reply reply = Http.send(Http.asUser("/admin/backups", reports.username(), reports.password())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), null);

        assertEquals(403, reply.status(), reply::toString);
    }

    private static void assertArrayEqualsKeystore(Path directory) throws Exception {
        Path live = Keywarden.dataDir().resolve("encryption/keystore.p12");
        if (Files.exists(live)) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(live), Files.readAllBytes(directory.resolve("encryption/keystore.p12"))),
                    "the backed-up keystore is not the one in use");
        }
    }
}
