package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keywarden.it.ProblemAssert.assertInvalidField;
import static org.keywarden.it.ProblemAssert.assertProblem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Malformed and oversized requests get a 4xx problem+json, never a 500, and store nothing. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(70)
class RequestLimitsIT {

    private static final int ONE_MIB = 1024 * 1024;


    @Test
    void aBodyOver1MiBIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        String huge = "{\"hostname\":\"" + "x".repeat(ONE_MIB) + "\"}";
        assertProblem(Http.post("/devices", huge, null), 413);

        HttpRequest.Builder chunked = Http.request("/devices", null).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));
        assertProblem(Http.send(chunked, huge), 413);

        TestDevice device = TestDevice.enroll();
        assertProblem(device.escrow(TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), Secrets.recoveryPassword())
                .add("keyPackage", "A".repeat(ONE_MIB))), 413);
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));
    }

    @Test
    void bodiesThatAreNotAJsonObjectAre400() {
        for (String body : List.of("", "{", "{\"hostname\":}", "[]", "\"text\"", "42", "null", "{}}",
                "[".repeat(100_000) + "]".repeat(100_000), "{\"a\":\"\\ud800\"", "<xml/>")) {
            Http.Reply reply = Http.post("/devices", body, null);
            assertEquals(400, reply.status(), () -> "for body " + body.substring(0, Math.min(20, body.length()))
                    + ": " + reply);
            assertProblem(reply, 400);
        }
        HttpRequest.Builder notUtf8 = Http.request("/devices", null).POST(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {'{', '"', 'h', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertInvalidField(Http.send(notUtf8, null), "body");
    }

    @Test
    void wrongMediaTypeMethodOrPathGetProblemAnswersToo() {
        HttpRequest.Builder text = HttpRequest.newBuilder(URI.create(Keywarden.api("/devices")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hostname=PC"));
        assertProblem(Http.send(text, null), 415);
        assertProblem(Http.send(Http.request("/devices", null).DELETE(), null), 405);
        assertProblem(Http.get("/no-such-endpoint", null), 404);
    }
}
