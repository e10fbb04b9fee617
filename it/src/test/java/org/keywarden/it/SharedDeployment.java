package org.keywarden.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The EAR under test, deployed once for all the journeys that run against the same server, instead of once per
 * test class (a deployment takes 5 to 7 seconds; per class, they were about half of the integration tests' time).
 * Listed after {@code ArquillianExtension}, which starts the server first. A journey that deploys the EAR
 * itself with other settings ({@code managed = false}) calls {@link #undeploy()} first; the next journey
 * deploys it again.
 */
public final class SharedDeployment implements BeforeAllCallback {

    static final String NAME = "keywarden.ear";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ensureDeployed();
    }

    static synchronized void ensureDeployed() throws IOException {
        try (ModelControllerClient client = client()) {
            if (deployed(client)) {
                return;
            }
            ModelNode add = operation("add");
            add.get("content").add().get("url").set(new File(System.getProperty("keywarden.ear")).toURI().toString());
            add.get("enabled").set(true);
            execute(client, add);
        }
    }

    /** Removes the shared deployment (before a journey deploys the EAR with settings of its own). */
    public static synchronized void undeploy() throws IOException {
        try (ModelControllerClient client = client()) {
            if (deployed(client)) {
                execute(client, operation("remove"));
            }
        }
    }

    /**
     * For a journey that also runs on Payara and so deploys the EAR through Arquillian ({@code @Deployment},
     * managed): registered for every class by the ServiceLoader (META-INF/services, with extension
     * autodetection in junit-platform.properties), so before {@code ArquillianExtension}, it removes the shared
     * deployment first where there is one (on WildFly, once the server runs; not before the first journey
     * starts it). Such a journey need not name it, and the Payara module, which compiles those journeys
     * without this class, needs none of it.
     */
    public static final class ReleaseBeforeOwnDeployment implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            boolean ownDeployment = java.util.Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
                    .map(m -> m.getAnnotation(org.jboss.arquillian.container.test.api.Deployment.class))
                    .anyMatch(d -> d != null && d.managed());
            if (!ownDeployment) {
                return;
            }
            try {
                undeploy();
            } catch (IOException | RuntimeException unreachable) {
                // no WildFly management listening yet: there is no shared deployment to release
            }
        }
    }

    private static boolean deployed(ModelControllerClient client) throws IOException {
        return "success".equals(client.execute(operation("read-resource")).get("outcome").asString());
    }

    private static ModelNode operation(String name) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("deployment", NAME);
        return op;
    }

    private static void execute(ModelControllerClient client, ModelNode op) throws IOException {
        ModelNode result = client.execute(op);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException(op.get("operation").asString() + " of " + NAME + " failed: "
                    + result.get("failure-description"));
        }
    }

    private static ModelControllerClient client() throws IOException {
        return ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(), 9990);
    }
}
