package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * protocol.md: a 409 changes nothing. An escrow retry that carries a key package the first attempt did
 * not, but conflicts (another password, another device, another package), stores no package and leaves
 * the stored password as it was; a retry that does not conflict stores the package (a 200 drops nothing).
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(117)
class AnEscrowConflictChangesNothingIT {

    @Test
    void aConflictingRetryWithAKeyPackageStoresNoPackage() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        byte[] sealed = Database.sealedRecoveryPassword(keyId);

        Http.Reply otherPassword = device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId,
                Secrets.recoveryPassword()).add("keyPackage", Secrets.keyPackage()));
        ProblemAssert.assertProblem(otherPassword, 409);
        assertUnchanged(keyId, sealed);

        Http.Reply otherDevice = TestDevice.enroll().escrow(TestDevice.key(key.get("volumeId"), "OS", keyId,
                key.get("recoveryPassword")).add("keyPackage", Secrets.keyPackage()));
        ProblemAssert.assertProblem(otherDevice, 409);
        assertUnchanged(keyId, sealed);
        assertEquals(device.id, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", keyId));
    }

    @Test
    void aRetryWithAnotherKeyPackageKeepsTheFirst() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        Http.Reply first = device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId, key.get("recoveryPassword"))
                .add("keyPackage", Secrets.keyPackage()));
        assertEquals(200, first.status(), first::toString);
        byte[] sealedPassword = Database.sealedRecoveryPassword(keyId);
        byte[] sealedPackage = packageOf(keyId);

        Http.Reply another = device.escrow(TestDevice.key(key.get("volumeId"), "OS", keyId, key.get("recoveryPassword"))
                .add("keyPackage", Secrets.keyPackage()));
        ProblemAssert.assertProblem(another, 409);
        assertArrayEquals(sealedPackage, packageOf(keyId), "the stored key package changed");
        assertArrayEquals(sealedPassword, Database.sealedRecoveryPassword(keyId), "the stored password changed");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_ESCROW' AND outcome = "
                + "'FAILURE' AND recovery_key_id = ?", keyId), "the conflict is audited once");
    }

    private static void assertUnchanged(String keyId, byte[] sealed) {
        assertNull(packageOf(keyId), "a key package was stored by a request answered 409");
        assertArrayEquals(sealed, Database.sealedRecoveryPassword(keyId), "the stored password changed");
    }

    private static byte[] packageOf(String keyId) {
        return (byte[]) Database.single("SELECT key_package FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
