package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate rotation end to end: a new certificate encrypts at once; the re-wrap moves every stored
 * secret to it one record at a time, survives a cancellation and a restart halfway, and afterwards every
 * key opens with the newest certificate alone (proven with openssl), so the old one can be retired.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(88)
class RewrapIT {

    private static final String DEPLOYMENT = "keywarden";

    @ArquillianResource
    Deployer deployer;

    @TempDir
    Path work;

    @BeforeAll
    static void releaseTheSharedDeployment() throws java.io.IOException {
        SharedDeployment.undeploy(); // this journey deploys the EAR itself, with settings of its own
    }

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    void everySecretMovesToTheNewCertificateAcrossACancellationAndARestart() throws Exception {
        deployer.deploy(DEPLOYMENT);
        try {
            TestDevice device = TestDevice.enroll();
            List<Map<String, String>> keys = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                keys.add(device.escrowNewKey(i % 3 == 0 ? "FIXED" : "OS"));
            }
            String first = encryptingCertificate(admin("GET", "/admin/encryption", null, 200));

            String second = admin("POST", "/admin/encryption/certificates", null, 201).getString("fingerprint");
            assertNotEquals(first, second);
            JsonObject status = admin("GET", "/admin/encryption", null, 200);
            assertEquals(2, status.getJsonArray("certificates").size(), status::toString);
            assertEquals(second, encryptingCertificate(status));
            Map<String, String> fresh = device.escrowNewKey("OS");
            assertEquals(second, sealedWith(fresh.get("recoveryKeyId")), "new escrows use the new certificate at once");
            assertEquals(first, sealedWith(keys.get(0).get("recoveryKeyId")));
            ProblemAssert.assertProblem(adminReply("DELETE", "/admin/encryption/certificates/" + first, null), 409);

            // started slowly, cancelled halfway: some records moved, the rest not, all still readable
            admin("POST", "/admin/encryption/rewrap", "{\"recordsPerSecond\": 20}", 202);
            awaitProgress(p -> p.getJsonNumber("done").longValue() >= 5);
            JsonObject cancelled = admin("POST", "/admin/encryption/rewrap/cancellation", null, 202);
            assertEquals("CANCELLED", cancelled.getString("state"));
            assertTrue(cancelled.getJsonNumber("remaining").longValue() > 0, cancelled::toString);
            assertTrue(count("sealed_with = ?", first) > 0 && count("sealed_with = ?", second) > 0);
            for (Map<String, String> key : keys.subList(0, 5)) {
                assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"),
                        key.get("recoveryPassword"))).status(), "a stored key must open, moved or not");
            }

            // started again, the server restarted halfway: the job resumes by itself and finishes
            admin("POST", "/admin/encryption/rewrap", "{\"recordsPerSecond\": 20}", 202);
            long before = admin("GET", "/admin/encryption/rewrap", null, 200).getJsonNumber("done").longValue();
            awaitProgress(p -> p.getJsonNumber("done").longValue() > before);
            deployer.undeploy(DEPLOYMENT);
            deployer.deploy(DEPLOYMENT);
            JsonObject done = awaitProgress(p -> "DONE".equals(p.getString("state")));
            assertEquals(0, done.getJsonNumber("remaining").longValue(), done::toString);
            assertEquals(0, done.getJsonArray("failedRecords").size(), done::toString);
            assertEquals(0, count("sealed_with IS NULL OR sealed_with <> ?", second));
            assertEquals(0, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE sealed_with IS NULL "
                    + "OR sealed_with <> ?", second));

            // every key opens with the newest certificate alone
            Path newestOnly = keystoreWithOnly(second);
            for (Map<String, String> key : keys) {
                assertEquals(key.get("recoveryPassword"), openssl(key.get("recoveryKeyId"), newestOnly));
            }

            // the certificate that stays has no confirmed backup yet: retiring the other is refused until it has
            assertEquals(409, adminReply("DELETE", "/admin/encryption/certificates/" + first, null).status());
            admin("POST", "/admin/encryption/backup-confirmation", null, 200);
            admin("DELETE", "/admin/encryption/certificates/" + first, null, 204);
            assertEquals(1, admin("GET", "/admin/encryption", null, 200).getJsonArray("certificates").size());
            assertEquals(200, device.escrow(TestDevice.key(keys.get(7).get("volumeId"), "OS",
                    keys.get(7).get("recoveryKeyId"), keys.get(7).get("recoveryPassword"))).status());
            for (String action : List.of("ENCRYPTION_CERTIFICATE_ADDED", "ENCRYPTION_REWRAP_STARTED",
                    "ENCRYPTION_REWRAP_CANCELLED", "ENCRYPTION_REWRAP_FINISHED", "ENCRYPTION_CERTIFICATE_RETIRED")) {
                assertTrue(Database.count("SELECT COUNT(*) FROM audit_event WHERE action = ?", action) > 0, action);
            }
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static String encryptingCertificate(JsonObject status) {
        return status.getJsonArray("certificates").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getBoolean("encrypts")).findFirst().orElseThrow().getString("fingerprint");
    }

    private static String sealedWith(String keyId) {
        return Database.text("SELECT sealed_with FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }

    private static long count(String where, String fingerprint) {
        return Database.count("SELECT COUNT(*) FROM recovery_key WHERE " + where, fingerprint);
    }

    private static JsonObject awaitProgress(Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject progress;
        do {
            progress = admin("GET", "/admin/encryption/rewrap", null, 200);
            if (condition.test(progress)) {
                return progress;
            }
            Thread.sleep(200); // polling the server's own progress report, which has no push channel
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the re-wrap did not get there in time: " + progress);
    }

    private static Http.Reply adminReply(String method, String path, String body) {
        HttpRequest.Builder request = Http.asUser(path, "admin", Keywarden.adminPassword())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Http.send(request, body);
    }

    private static JsonObject admin(String method, String path, String body, int status) {
        Http.Reply reply = adminReply(method, path, body);
        assertEquals(status, reply.status(), reply::toString);
        return reply.body().isEmpty() ? null : reply.json();
    }

    /** A PKCS#12 file holding only the certificate (and key) with this fingerprint. */
    private Path keystoreWithOnly(String fingerprint) throws Exception {
        char[] password = Files.readString(Keywarden.dataDir().resolve("encryption/keystore.password"),
                StandardCharsets.UTF_8).strip().toCharArray();
        KeyStore all = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Keywarden.dataDir().resolve("encryption/keystore.p12"))) {
            all.load(in, password);
        }
        KeyStore only = KeyStore.getInstance("PKCS12");
        only.load(null, null);
        for (String alias : Collections.list(all.aliases())) {
            Certificate certificate = all.getCertificate(alias);
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            if (hex.equals(fingerprint)) {
                Key key = all.getKey(alias, password);
                only.setKeyEntry("newest", key, password, new Certificate[] {certificate});
            }
        }
        assertEquals(1, only.size(), "the newest certificate is in the keystore");
        Path file = work.resolve("newest.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            only.store(out, password);
        }
        Files.writeString(work.resolve("newest.password"), new String(password));
        return file;
    }

    private String openssl(String keyId, Path keystore) throws IOException, InterruptedException {
        String sql = "postgresql".equals(System.getProperty("keywarden.test.db"))
                ? "SELECT encode(substring(recovery_password FROM 2), 'hex') FROM recovery_key WHERE recovery_key_id = ?"
                : "SELECT RAWTOHEX(SUBSTRING(recovery_password FROM 2)) FROM recovery_key WHERE recovery_key_id = ?";
        Files.writeString(work.resolve("value.hex"), Database.text(sql, keyId) + "\n");
        Process process = new ProcessBuilder("bash", "-c", "perl -ne 's/\\s+//g; print pack(\"H*\", $_)' value.hex "
                + "> value.der && openssl cms -decrypt -inform DER -in value.der -inkey " + keystore.getFileName()
                + " -passin file:newest.password").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "openssl failed for " + keyId);
        return out;
    }
}
