package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another node sealed a key to a certificate this node's keystore does not hold (it was added there while
 * this node ran). That is this node's shortcoming, not a broken record: the device's identical re-send
 * and a helpdesk disclosure get a 503 with Retry-After (another node, or this one given the keystore, can
 * answer), never a 500, and nothing is shown or changed. The value is made by openssl for a certificate of
 * its own, as another node's keystore would seal it.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(85)
class AKeySealedToACertificateThisNodeLacksIsAskedForAgainLaterIT {

    @TempDir
    Path work;


    @Test
    void theResendAndTheDisclosureAreAnsweredServiceUnavailable() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        byte[] sealedBefore = Database.sealedRecoveryPassword(keyId);
        String sealedWithBefore = Database.text("SELECT sealed_with FROM recovery_key WHERE recovery_key_id = ?", keyId);

        sh("openssl req -x509 -newkey rsa:3072 -nodes -keyout other.key -out other.pem -subj /CN=other-node -days 2");
        Files.writeString(work.resolve("password.txt"), key.get("recoveryPassword"));
        sh("openssl cms -encrypt -binary -aes-256-gcm -in password.txt -recip other.pem -keyopt rsa_padding_mode:oaep "
                + "-keyopt rsa_oaep_md:sha256 -keyopt rsa_mgf1_md:sha256 -outform DER -out value.der");
        byte[] der = Files.readAllBytes(work.resolve("value.der"));
        byte[] foreign = new byte[der.length + 1];
        foreign[0] = 1; // Keywarden's format byte for a CMS envelope
        System.arraycopy(der, 0, foreign, 1, der.length);
        String otherFingerprint = sh("openssl x509 -in other.pem -outform DER | sha256sum | cut -d' ' -f1").strip();
        store(keyId, foreign, otherFingerprint);
        try {
            Http.Reply resend = device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId, key.get("recoveryPassword")));
            ProblemAssert.assertProblem(resend, 503);
            assertEquals("This node cannot open the stored data", resend.json().getString("title"));
            assertNotNull(resend.header("Retry-After"), "a device is told when to send again");
            assertFalse(resend.body().contains(key.get("recoveryPassword")));

            Http.Reply disclosure = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + keyId + "/disclosures", "admin",
                    Keywarden.adminPassword()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"BIOS_CHANGED\"}")));
            ProblemAssert.assertProblem(disclosure, 503);
            assertFalse(disclosure.body().contains(key.get("recoveryPassword")));
            assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId),
                    "a key that was not shown is not marked disclosed");
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' "
                    + "AND outcome = 'FAILURE' AND recovery_key_id = ?", keyId), "the failed disclosure is audited");
        } finally {
            store(keyId, sealedBefore, sealedWithBefore);
        }
        assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId,
                key.get("recoveryPassword"))).status(), "with its own value back, the key is found again");
    }

    /**
     * The other side: another node retired the certificate this node seals to (its keystore is older). An
     * escrow stores nothing and is answered 503 until the certificate is listed again. PostgreSQL: the check
     * runs under the shared lock a retirement waits for; H2 is one node, where it cannot happen.
     */
    @Test
    void anEscrowToACertificateRetiredElsewhereStoresNothing() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("keywarden.test.db")), "one node only on H2");
        TestDevice device = TestDevice.enroll();
        Map<String, String> first = device.escrowNewKey("OS");
        String sealingWith = Database.text("SELECT sealed_with FROM recovery_key WHERE recovery_key_id = ?",
                first.get("recoveryKeyId"));
        Object registeredAt = Database.single("SELECT registered_at FROM encryption_certificate WHERE fingerprint = ?",
                sealingWith);
        update("DELETE FROM encryption_certificate WHERE fingerprint = ?", sealingWith);
        String keyId = Secrets.guid();
        try {
            Http.Reply reply = device.escrow(TestDevice.key(first.get("volumeId"), "OS", keyId, Secrets.recoveryPassword()));
            ProblemAssert.assertProblem(reply, 503);
            assertEquals("This node cannot store secrets now", reply.json().getString("title"));
            assertNotNull(reply.header("Retry-After"));
            assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", keyId),
                    "nothing is stored");
        } finally {
            update("INSERT INTO encryption_certificate (fingerprint, registered_at) VALUES (?, ?)", sealingWith,
                    registeredAt);
        }
        assertEquals(201, device.escrow(TestDevice.key(first.get("volumeId"), "OS", keyId, Secrets.recoveryPassword()))
                .status(), "listed again, the certificate seals");
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = Database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static void store(String keyId, byte[] sealed, String sealedWith) throws SQLException {
        try (Connection connection = Database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE recovery_key SET recovery_password = ?, sealed_with = ? WHERE recovery_key_id = ?")) {
            update.setBytes(1, sealed);
            update.setString(2, sealedWith);
            update.setString(3, keyId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private String sh(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("failed: " + command.split(" ")[0] + " " + command.split(" ")[1]);
        }
        return out;
    }
}
