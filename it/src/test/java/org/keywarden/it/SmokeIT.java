package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shortest useful life of a device: enroll, escrow, check in. Also run on Payara. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(1)
public class SmokeIT {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    public void answersItsHealthCheckWithoutAnyCredentials() {
        Http.Reply health = Http.get("/health", null);
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().getString("status"));
    }

    @Test
    public void enrollEscrowCheckIn() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");

        Http.Reply checkIn = device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId")));

        assertEquals(200, checkIn.status(), checkIn::toString);
        assertEquals(0, checkIn.json().getJsonArray("actions").size(), checkIn::toString);
        assertEquals(90, checkIn.json().getInt("checkInIntervalMinutes"));
    }
}
