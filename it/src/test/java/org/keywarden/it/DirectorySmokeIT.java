package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Directory sign-in on every server Keywarden runs on (WildFly and Payara): a user of the test OpenLDAP
 * directory signs in to the portal over plain HTTP with their directory password and gets the key of the
 * PC whose agent reported them, through self-service.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(116)
class DirectorySmokeIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    void aDirectoryUserSignsInAndGetsTheKeyOfTheirPc() {
        TestDevice device = TestDevice.enroll(Json.createObjectBuilder()
                .add("users", Json.createArrayBuilder().add("corp\\" + TestDirectory.ALICE.toUpperCase(java.util.Locale.ROOT))));
        Map<String, String> key = device.escrowNewKey("OS");
        PortalClient alice = PortalClient.signedIn(TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD);
        Http.Reply answer = alice.selfServiceLookUp(key.get("recoveryKeyId").substring(0, 8));
        assertEquals(200, answer.status());
        for (String group : key.get("recoveryPassword").split("-")) {
            assertTrue(answer.body().contains("<span class=\"kw-group\">" + group + "</span>"), "the key is shown");
        }
    }
}
