package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A configured administrator password shorter than 12 characters, or enrollment secret shorter than 24,
 * stops the start with a message naming the setting and the minimum (never the value); the right
 * configuration then deploys again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(91)
class ShortSecretsStopTheStartIT {

    private static final String DEPLOYMENT = "keywarden";

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    void aShortAdminPasswordOrEnrollmentSecretStopsTheStart() throws Exception {
        String message = failedDeployment("keywarden.admin.password", "short-pw-11");
        assertTrue(message.contains("KEYWARDEN_ADMIN_PASSWORD must be at least 12 characters long, not 11"), message);
        assertFalse(message.contains("short-pw-11"), "the password must not be logged");

        message = failedDeployment("keywarden.enrollment.secret", "enrollment-secret-23-ch");
        assertTrue(message.contains("KEYWARDEN_ENROLLMENT_SECRET must be at least 24 characters long, not 23"), message);
        assertFalse(message.contains("enrollment-secret-23-ch"), "the secret must not be logged");

        deployer.deploy(DEPLOYMENT);
        try {
            assertEquals(200, Http.get("/health", null).status());
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private String failedDeployment(String property, String value) throws IOException {
        long logStart = Files.size(Keywarden.serverLog());
        execute(property, "add", value);
        try {
            assertThrows(Exception.class, () -> deployer.deploy(DEPLOYMENT), "the deployment must fail");
        } finally {
            execute(property, "remove", null);
        }
        byte[] log = Files.readAllBytes(Keywarden.serverLog());
        return new String(log, (int) logStart, (int) (log.length - logStart), StandardCharsets.UTF_8);
    }

    private void execute(String property, String operation, String value) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("system-property", property);
        if (value != null) {
            op.get("value").set(value);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result::toString);
    }
}
