package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code KEYWARDEN_ENCRYPTION=none} stores new secrets in plain text, with a warning at start and on the
 * status endpoint; once encryption is on again, the re-wrap encrypts those values.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(89)
class PlainTextModeIT {

    private static final String DEPLOYMENT = "keywarden";
    private static final String MODE = "keywarden.encryption";

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @BeforeAll
    static void releaseTheSharedDeployment() throws java.io.IOException {
        SharedDeployment.undeploy(); // this journey deploys the EAR itself, with settings of its own
    }

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    void plainTextIsExplicitWarnedAboutAndEncryptedByTheRewrapLater() throws Exception {
        long logStart = Files.size(Keywarden.serverLog());
        property("add", MODE, "none");
        Map<String, String> key;
        TestDevice device;
        try {
            deployer.deploy(DEPLOYMENT);
            device = TestDevice.enroll();
            key = device.escrowNewKey("OS");
            JsonObject status = admin("GET", "/admin/encryption", 200);
            assertEquals("none", status.getString("mode"));
            assertTrue(status.getJsonArray("warnings").getString(0).contains("plain text"), status::toString);
            deployer.undeploy(DEPLOYMENT);
        } finally {
            property("remove", MODE, null);
        }
        String log = new String(Files.readAllBytes(Keywarden.serverLog()), StandardCharsets.UTF_8).substring((int) logStart);
        assertTrue(log.contains("KEYWARDEN_ENCRYPTION=none") && log.contains("PLAIN TEXT"), "no start-up warning");
        byte[] stored = sealed(key);
        assertEquals(0, stored[0], "format byte of a plain value");
        assertEquals("plain", sealedWith(key));

        deployer.deploy(DEPLOYMENT);
        try {
            assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"),
                    key.get("recoveryPassword"))).status(), "a plain value is still read");
            admin("POST", "/admin/encryption/rewrap", 202);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!"DONE".equals(admin("GET", "/admin/encryption/rewrap", 200).getString("state"))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200); // polling the server's own progress report
            }
            String newest = admin("GET", "/admin/encryption/rewrap", 200).getString("target");
            assertEquals(newest, sealedWith(key), "encrypted by the re-wrap");
            assertEquals(1, sealed(key)[0], "format byte of a CMS value");
            assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"),
                    key.get("recoveryPassword"))).status());
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static byte[] sealed(Map<String, String> key) {
        return (byte[]) Database.single("SELECT recovery_password FROM recovery_key WHERE recovery_key_id = ?",
                key.get("recoveryKeyId"));
    }

    private static String sealedWith(Map<String, String> key) {
        return Database.text("SELECT sealed_with FROM recovery_key WHERE recovery_key_id = ?", key.get("recoveryKeyId"));
    }

    private static JsonObject admin(String method, String path, int status) {
        Http.Reply reply = Http.send(Http.asUser(path, "admin", Keywarden.adminPassword())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()), null);
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    private void property(String operation, String name, String value) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("system-property", name);
        if (value != null) {
            op.get("value").set(value);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result::toString);
    }
}
