package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With encryption on, a database writer who replaces a sealed recovery password by a plain one of
 * their choosing (format 0, no certificate needed) gets nothing: the disclosure is refused as an
 * integrity failure and audited so, and the planted value is never shown or taken for the real one.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(118)
class APlantedPlainPasswordIsRefusedIT {

    @Test
    void aPlainValueInASealedRecordIsAnIntegrityFailure() throws SQLException {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        assertNotEquals("plain", Database.text("SELECT sealed_with FROM recovery_key WHERE recovery_key_id = ?", keyId),
                "this run must have encryption on");
        byte[] sealed = Database.sealedRecoveryPassword(keyId);
        String planted = Secrets.recoveryPassword();
        byte[] plain = planted.getBytes(StandardCharsets.US_ASCII);
        byte[] formatZero = new byte[plain.length + 1];
        System.arraycopy(plain, 0, formatZero, 1, plain.length);
        Database.storeSealedRecoveryPassword(keyId, formatZero);
        try {
            Http.Reply disclosure = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + keyId + "/disclosures", "admin",
                    Keywarden.adminPassword()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"LOST_PIN\"}")));
            ProblemAssert.assertProblem(disclosure, 500);
            assertEquals("Stored data failed its integrity check", disclosure.json().getString("title"));
            assertFalse(disclosure.body().contains(planted), "the planted password was shown");
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome "
                    + "= 'FAILURE' AND recovery_key_id = ? AND detail LIKE '%PLAIN_IN_SEALED_RECORD%'", keyId));
            assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId),
                    "the refused disclosure marked the key disclosed");

            Http.Reply escrowOfThePlanted = device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId, planted));
            assertNotEquals(200, escrowOfThePlanted.status(), "the planted password was taken for the stored one");
            assertNotEquals(201, escrowOfThePlanted.status());
        } finally {
            Database.storeSealedRecoveryPassword(keyId, sealed);
        }
        assertEquals(200, device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId, key.get("recoveryPassword")))
                .status(), "restored, the key opens again");
    }
}
