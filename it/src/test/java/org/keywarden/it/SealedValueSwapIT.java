package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sealed values are bound to their record: with the ciphertexts of two keys swapped in the database,
 * the server refuses to use either (an integrity error), and never treats one as the other.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(84)
class SealedValueSwapIT {

    @Test
    void swappedCiphertextsFailTheirIntegrityCheckForBothKeys() throws SQLException {
        TestDevice device = TestDevice.enroll();
        Map<String, String> a = device.escrowNewKey("OS");
        Map<String, String> b = device.escrowNewKey("FIXED");
        byte[] sealedA = Database.sealedRecoveryPassword(a.get("recoveryKeyId"));
        byte[] sealedB = Database.sealedRecoveryPassword(b.get("recoveryKeyId"));
        Database.storeSealedRecoveryPassword(a.get("recoveryKeyId"), sealedB);
        Database.storeSealedRecoveryPassword(b.get("recoveryKeyId"), sealedA);
        try {
            for (Map<String, String> key : java.util.List.of(a, b)) {
                // the server must open the stored password to tell a retry (200) from a conflict (409)
                Http.Reply reply = device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"),
                        key.get("recoveryPassword")));
                ProblemAssert.assertProblem(reply, 500);
                assertEquals("Stored data failed its integrity check", reply.json().getString("title"));
                assertFalse(reply.body().contains(a.get("recoveryPassword")) || reply.body().contains(b.get("recoveryPassword")));
            }
        } finally {
            Database.storeSealedRecoveryPassword(a.get("recoveryKeyId"), sealedA);
            Database.storeSealedRecoveryPassword(b.get("recoveryKeyId"), sealedB);
        }
        assertEquals(200, device.escrow(TestDevice.key(a.get("volumeId"), "OS", a.get("recoveryKeyId"),
                a.get("recoveryPassword"))).status(), "restored, the key opens again");
    }
}
