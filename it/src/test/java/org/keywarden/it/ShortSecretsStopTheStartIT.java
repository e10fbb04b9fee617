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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A configured administrator password shorter than 12 characters, or enrollment secret shorter than 24, or an
 * enrollment secret that is not the installation's,
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

    @BeforeAll
    static void releaseTheSharedDeployment() throws java.io.IOException {
        SharedDeployment.undeploy(); // this journey deploys the EAR itself, with settings of its own
    }

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

    /**
     * A node configured with an enrollment secret that is not the installation's (an earlier one, or another
     * node's) does not start, so that it cannot undo a change made for every node; with
     * KEYWARDEN_ENROLLMENT_SECRET_REPLACE its secret becomes the installation's.
     */
    @Test
    void anotherEnrollmentSecretStopsTheStartUnlessItReplacesTheInstallations() throws Exception {
        String installations = Keywarden.enrollmentSecret();
        String other = "another-nodes-enrollment-secret-" + System.nanoTime();
        String message = failedDeployment("keywarden.enrollment.secret", other);
        assertTrue(message.contains("Keywarden cannot start: KEYWARDEN_ENROLLMENT_SECRET is not this installation's "
                + "enrollment secret"), message);
        assertFalse(message.contains(other), "the secret must not be logged");

        execute("keywarden.enrollment.secret.replace", "add", "true");
        try {
            execute("keywarden.enrollment.secret", "add", other);
            try {
                deployer.deploy(DEPLOYMENT);
                try {
                    assertEquals(201, enroll(other).status(), "the replacing secret enrolls");
                    assertEquals(401, enroll(installations).status(), "the replaced one no longer does");
                } finally {
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                execute("keywarden.enrollment.secret", "remove", null);
            }
            execute("keywarden.enrollment.secret", "add", installations); // put the installation's back
            try {
                deployer.deploy(DEPLOYMENT);
                deployer.undeploy(DEPLOYMENT);
            } finally {
                execute("keywarden.enrollment.secret", "remove", null);
            }
        } finally {
            execute("keywarden.enrollment.secret.replace", "remove", null);
        }
        deployer.deploy(DEPLOYMENT);
        try {
            assertEquals(201, enroll(installations).status(), "the installation's secret enrolls again");
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static Http.Reply enroll(String secret) {
        return Http.post("/devices", jakarta.json.Json.createObjectBuilder().add("enrollmentSecret", secret)
                .add("hostname", "PC-SECRET-" + System.nanoTime() % 100000).add("domain", "CORP").build().toString(), null);
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
