package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keywarden.it.ProblemAssert.assertInvalidField;
import static org.keywarden.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PUT /api/v1/devices/{id}/tpm}: 204, older reports ignored, 400, 401. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(30)
class TpmOwnerInfoIT {

    private static String report(String hash, Instant reportedAt) {
        return Json.createObjectBuilder().add("ownerAuthHash", hash).add("reportedAt", reportedAt.toString())
                .build().toString();
    }

    @Test
    void keepsTheNewestReportAndIgnoresAnOlderOne() {
        TestDevice device = TestDevice.enroll();
        Instant t1 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        Http.Reply first = Http.put(device.path("/tpm"), report(Secrets.tpmHash(), t1), device.token);
        assertEquals(204, first.status(), first::toString);
        assertEquals("", first.body());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id = ?", device.id));

        Http.Reply older = Http.put(device.path("/tpm"), report(Secrets.tpmHash(), t1.minusSeconds(60)), device.token);
        assertEquals(204, older.status(), older::toString);
        assertEquals(t1, reportedAt(device));

        Instant t2 = t1.plusSeconds(600);
        assertEquals(204, Http.put(device.path("/tpm"), report(Secrets.tpmHash(), t2), device.token).status());
        assertEquals(t2, reportedAt(device));
        assertEquals(2, Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? "
                + "AND action = 'TPM_OWNER_INFO_ESCROW'", device.id), "the ignored report changes nothing");
    }

    @Test
    void invalidReportsAre400NamingTheField() {
        TestDevice device = TestDevice.enroll();
        Instant now = Instant.now();
        String short19 = Base64.getEncoder().encodeToString(new byte[19]);
        String long65 = Base64.getEncoder().encodeToString(new byte[65]);

        assertInvalidField(Http.put(device.path("/tpm"), report(short19, now), device.token), "ownerAuthHash");
        assertInvalidField(Http.put(device.path("/tpm"), report(long65, now), device.token), "ownerAuthHash");
        assertInvalidField(Http.put(device.path("/tpm"), report("not base64!", now), device.token), "ownerAuthHash");
        assertInvalidField(Http.put(device.path("/tpm"), "{\"ownerAuthHash\":\"" + Secrets.tpmHash()
                + "\",\"reportedAt\":\"yesterday\"}", device.token), "reportedAt");
        assertInvalidField(Http.put(device.path("/tpm"), "{\"ownerAuthHash\":\"" + Secrets.tpmHash() + "\"}",
                device.token), "reportedAt");
        assertInvalidField(Http.put(device.path("/tpm"), report(Secrets.tpmHash(), now.plus(3, ChronoUnit.DAYS)),
                device.token), "reportedAt");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id = ?", device.id));
    }

    @Test
    void withoutAValidTokenIs401() {
        TestDevice device = TestDevice.enroll();
        assertProblem(Http.put(device.path("/tpm"), report(Secrets.tpmHash(), Instant.now()), null), 401);
        assertProblem(Http.put(device.path("/tpm"), report(Secrets.tpmHash(), Instant.now()), "garbage"), 401);
    }

    private static Instant reportedAt(TestDevice device) {
        Object value = Database.single("SELECT reported_at FROM tpm_owner_info WHERE device_id = ?", device.id);
        return ((java.sql.Timestamp) value).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }
}
