package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A configured keystore whose password comes from WildFly's credential store: an Elytron encrypted
 * expression in the system property {@code keywarden.encryption.keystore.password}, so the password is
 * never written in clear into the server configuration or the environment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(92)
class KeystorePasswordFromCredentialStoreIT {

    private static final String DEPLOYMENT = "keywarden";

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
    void theKeystorePasswordIsResolvedFromAnEncryptedExpression() throws Exception {
        deployer.deploy(DEPLOYMENT); // an ordinary start generates the keystore this test then configures
        deployer.undeploy(DEPLOYMENT);
        Path keystore = Keywarden.dataDir().resolve("encryption/keystore.p12");
        String password = Files.readString(Keywarden.dataDir().resolve("encryption/keystore.password"),
                StandardCharsets.UTF_8).strip();
        String store = "kw-store-" + System.nanoTime();
        execute(op("add", "subsystem", "elytron", "secret-key-credential-store", store)
                .set("path", store + ".cs").set("relative-to", "jboss.server.data.dir")
                .set("create", true).set("populate", true).node);
        ModelNode resolver = new ModelNode();
        resolver.get("name").set(store);
        resolver.get("credential-store").set(store);
        resolver.get("secret-key").set("key");
        Op expressions = op("add", "subsystem", "elytron", "expression", "encryption");
        expressions.node.get("resolvers").add(resolver);
        ModelNode added = management.getControllerClient().execute(expressions.node);
        if (!"success".equals(added.get("outcome").asString())) { // exists: add this resolver to it
            ModelNode list = op("list-add", "subsystem", "elytron", "expression", "encryption").set("name", "resolvers").node;
            list.get("value").set(resolver);
            execute(list);
        }
        String expression = execute(op("create-expression", "subsystem", "elytron", "expression", "encryption")
                .set("resolver", store).set("clear-text", password).node).get("expression").asString();
        assertTrue(expression.startsWith("${ENC::") && !expression.contains(password), expression);

        execute(op("add", "system-property", "keywarden.encryption.keystore").set("value", keystore.toString()).node);
        execute(op("add", "system-property", "keywarden.encryption.keystore.password").set("value", expression).node);
        try {
            deployer.deploy(DEPLOYMENT);
            TestDevice device = TestDevice.enroll();
            Map<String, String> key = device.escrowNewKey("OS");
            JsonObject status = admin("/admin/encryption");
            assertEquals("cms", status.getString("mode"));
            assertEquals(keystore.toString(), status.getString("keystore"));
            assertFalse(status.getBoolean("generatedKeystore"), "the configured keystore is in use");
            assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"),
                    key.get("recoveryPassword"))).status());
            String config = Files.readString(Path.of(System.getProperty("jboss.home"),
                    "standalone/configuration/standalone-" + System.getProperty("keywarden.test.db") + ".xml"));
            assertFalse(config.contains(password), "the keystore password is in the configuration in clear");
        } finally {
            execute(op("remove", "system-property", "keywarden.encryption.keystore.password").node);
            execute(op("remove", "system-property", "keywarden.encryption.keystore").node);
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static JsonObject admin(String path) {
        Http.Reply reply = Http.send(Http.asUser(path, "admin", Keywarden.adminPassword()).GET(), null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private ModelNode execute(ModelNode op) throws IOException {
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result::toString);
        return result.get("result");
    }

    private static Op op(String name, String... address) {
        Op op = new Op();
        op.node.get("operation").set(name);
        for (int i = 0; i < address.length; i += 2) {
            op.node.get("address").add(address[i], address[i + 1]);
        }
        return op;
    }

    /** A management operation under construction. */
    private static final class Op {
        final ModelNode node = new ModelNode();

        Op set(String name, String value) {
            node.get(name).set(value);
            return this;
        }

        Op set(String name, boolean value) {
            node.get(name).set(value);
            return this;
        }
    }
}
