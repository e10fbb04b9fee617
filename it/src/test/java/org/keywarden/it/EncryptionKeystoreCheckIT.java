package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A configured encryption keystore that is missing, or opened with the wrong password, stops the
 * deployment with one message naming the setting, and no stored record changes; so does a keystore of
 * another node's own, which lacks the certificates the installation's records are sealed to (named).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(90)
class EncryptionKeystoreCheckIT {

    private static final String DEPLOYMENT = "keywarden";
    private static final String KEYSTORE = "keywarden.encryption.keystore";
    private static final String PASSWORD = "keywarden.encryption.keystore.password";

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
    void aMissingOrLockedKeystoreStopsTheDeploymentAndTouchesNothing() throws Exception {
        deployer.deploy(DEPLOYMENT);
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        deployer.undeploy(DEPLOYMENT);
        String keyId = key.get("recoveryKeyId");
        byte[] sealedBefore = sealedPassword(keyId);
        long keysBefore = Database.count("SELECT COUNT(*) FROM recovery_key");
        long historyBefore = Database.count("SELECT COUNT(*) FROM keywarden_schema_history");

        Path missing = Keywarden.dataDir().resolve("no-such-dir/keystore.p12");
        String message = failedDeployment(missing.toString(), "whatever");
        assertTrue(message.contains("KEYWARDEN_ENCRYPTION_KEYSTORE"), message);
        assertTrue(message.contains(missing.toString()), message);

        Path generated = Keywarden.dataDir().resolve("encryption/keystore.p12");
        String wrongPassword = "not-the-password-" + System.nanoTime();
        message = failedDeployment(generated.toString(), wrongPassword);
        assertTrue(message.contains("KEYWARDEN_ENCRYPTION_KEYSTORE_PASSWORD"), message);
        assertTrue(!message.contains(wrongPassword), "the password must not be logged");

        // another node's keystore (of its own, not the installation's): it lacks the registered certificates
        List<Object> registered = Database.column("SELECT fingerprint FROM encryption_certificate ORDER BY fingerprint");
        assertFalse(registered.isEmpty(), "the generated keystore's certificate is registered");
        Path otherNode = Files.createTempDirectory("other-node").resolve("encryption.p12");
        String otherPassword = "other-node-" + System.nanoTime();
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize",
                "3072", "-dname", "CN=Other node", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                otherNode.toString(), "-storepass", otherPassword, "-keypass", otherPassword)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        message = failedDeployment(otherNode.toString(), otherPassword);
        assertTrue(message.contains("Keywarden cannot start: the encryption keystore " + otherNode + " lacks certificate"),
                message);
        String sealedTo = Database.text("SELECT sealed_with FROM recovery_key WHERE recovery_key_id = ?", keyId);
        assertTrue(message.contains(sealedTo), "the message names the certificate the key is sealed to: " + message);
        assertTrue(message.contains("docs/encryption.md"), message);
        assertEquals(registered, Database.column("SELECT fingerprint FROM encryption_certificate ORDER BY fingerprint"),
                "the other node's certificate is not registered");

        assertArrayEquals(sealedBefore, sealedPassword(keyId), "the stored key changed");
        assertEquals(keysBefore, Database.count("SELECT COUNT(*) FROM recovery_key"));
        assertEquals(historyBefore, Database.count("SELECT COUNT(*) FROM keywarden_schema_history"));

        deployer.deploy(DEPLOYMENT); // the right configuration deploys again, with the key intact
        try {
            assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId,
                    key.get("recoveryPassword"))).status());
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    /** Deploys with the keystore settings given as system properties; returns what the log said. */
    private String failedDeployment(String keystore, String password) throws IOException {
        long logStart = Files.size(Keywarden.serverLog());
        setProperty(KEYSTORE, keystore);
        setProperty(PASSWORD, password);
        try {
            assertThrows(Exception.class, () -> deployer.deploy(DEPLOYMENT), "the deployment must fail");
        } finally {
            removeProperty(KEYSTORE);
            removeProperty(PASSWORD);
        }
        byte[] log = Files.readAllBytes(Keywarden.serverLog());
        return new String(log, (int) logStart, (int) (log.length - logStart), StandardCharsets.UTF_8);
    }

    private void setProperty(String name, String value) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("system-property", name);
        op.get("value").set(value);
        execute(op);
    }

    private void removeProperty(String name) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("remove");
        op.get("address").add("system-property", name);
        execute(op);
    }

    private void execute(ModelNode op) throws IOException {
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result::toString);
    }

    private static byte[] sealedPassword(String keyId) {
        return (byte[]) Database.single("SELECT recovery_password FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
