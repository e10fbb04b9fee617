package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara as server-config/payara/configure.sh leaves it: the administration listener accepts connections
 * on 127.0.0.1 only, as WildFly's management does, and asks for the administration password (Payara's
 * password-less "admin" is gone). Runs in the Payara suite only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraAdministrationIsLocalAndLockedIT {

    private static final String PORT = System.getProperty("payara.admin.port");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    void theAdministrationListenerIsLocalAndNeedsThePassword() throws Exception {
        assumeTrue(PORT != null && System.getProperty("payara.admin.password") != null, "Payara suite only");
        assertEquals(401, management(null), "no password");
        assertEquals(401, management("admin:"), "Payara's empty default password");
        assertEquals(401, management("admin:not-the-password"));
        assertEquals(200, management("admin:" + System.getProperty("payara.admin.password")));
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", Integer.parseInt(PORT)), 5000);
            }
        }, "listening on 127.0.0.1 only, not on every address of this machine");
    }

    private static int management(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/management/domain"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
