package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wrong enrollment secrets and invalid device tokens are counted per source address: past the limit the
 * source's further wrong ones get 429 with Retry-After, while the right secret and a valid token from it
 * are still served (devices behind one NAT), and the flood leaves a bounded number of audit rows (the
 * first failure, the start of the throttle), not one per request. Each test sends through this machine, a trusted proxy, in the name of
 * an address of its own ({@code X-Forwarded-For}).
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(120)
class AFloodOfWrongDeviceCredentialsIsThrottledIT {

    private static final String HOSTNAME = "FLOOD-" + Secrets.guid().substring(0, 8);
    private static final int LIMIT = Integer.getInteger("keywarden.test.device.failure.limit", 20);


    @Test
    void wrongEnrollmentSecretsFromOneAddressGet429AndABoundedAudit() {
        String source = anAddress();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, enroll(source, "wrong-secret-" + i).status(), "attempt " + (i + 1));
        }
        for (int i = 0; i < 30; i++) {
            Http.Reply refused = enroll(source, "wrong-secret-again");
            ProblemAssert.assertProblem(refused, 429);
            long wait = Long.parseLong(refused.header("Retry-After"));
            assertTrue(wait > 0 && wait <= 600, "Retry-After " + wait);
        }
        assertEquals(0, Database.count("SELECT COUNT(*) FROM device WHERE hostname = ?", HOSTNAME), "nothing enrolled");
        Http.Reply rightSecret = enroll(source, Keywarden.enrollmentSecret());
        assertEquals(201, rightSecret.status(), "the right secret from a throttled address (behind one NAT, say)");
        Secrets.rememberToken(rightSecret.json().getString("deviceToken"));
        assertEquals(2, Database.count("SELECT COUNT(*) FROM audit_event WHERE source_address = ? AND outcome = 'FAILURE'", source),
                "the first failure and the start of the throttle, not " + (LIMIT + 30) + " rows");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE source_address = ? AND action = "
                + "'DEVICE_ENROLL' AND detail LIKE ?", source, LIMIT + " wrong enrollment secrets from this address%"));
    }

    @Test
    void invalidDeviceTokensFromOneAddressGet429AndABoundedAudit() {
        TestDevice device = TestDevice.enroll();
        String source = anAddress();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, actions(device, source, "invalid-token-" + i).status(), "attempt " + (i + 1));
        }
        ProblemAssert.assertProblem(actions(device, source, "invalid-token-again"), 429);
        assertEquals(200, actions(device, source, device.token).status(), "a valid token from the throttled address");
        assertEquals(2, Database.count("SELECT COUNT(*) FROM audit_event WHERE source_address = ? AND action = "
                + "'DEVICE_TOKEN_REFUSED'", source));
    }

    private static Http.Reply enroll(String source, String secret) {
        String body = Json.createObjectBuilder().add("enrollmentSecret", secret).add("hostname", HOSTNAME)
                .add("domain", "CORP").build().toString();
        return Http.sendUnrecorded(HttpRequest.newBuilder(URI.create(Keywarden.api("/devices")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", source).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Http.Reply actions(TestDevice device, String source, String token) {
        return Http.sendUnrecorded(HttpRequest.newBuilder(URI.create(Keywarden.api(device.path("/actions"))))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", source).GET());
    }

    /** An address of the IPv6 documentation range, in a /64 of its own for each flood (they count by /64). */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(1, 0x10000)) + ":"
                + Integer.toHexString(random.nextInt(1, 0x10000)) + "::1";
    }
}
