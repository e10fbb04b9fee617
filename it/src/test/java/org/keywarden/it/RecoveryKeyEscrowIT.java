package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keywarden.it.ProblemAssert.assertInvalidField;
import static org.keywarden.it.ProblemAssert.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/devices/{id}/recovery-keys}: 201, 200, 409, 400, 401 and rotation by replaces. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(20)
class RecoveryKeyEscrowIT {

    @Test
    void storesANewKeyAs201AndNormalizesWhatTheDeviceSent() {
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String password = Secrets.recoveryPassword();

        Http.Reply reply = device.escrow(TestDevice.key("{" + volume.toLowerCase(Locale.ROOT) + "}", "os",
                "{" + keyId.toLowerCase(Locale.ROOT) + "}", password.replace('-', ' '))
                .add("keyPackage", Secrets.keyPackage()));

        assertEquals(201, reply.status(), reply::toString);
        JsonObject json = reply.json();
        assertEquals(keyId, json.getString("recoveryKeyId"));
        assertEquals("ACTIVE", json.getString("state"));
        assertTrue(Instant.parse(json.getString("escrowedAt")).isBefore(Instant.now().plusSeconds(5)));
        assertEquals(3, json.size(), "the answer carries nothing but id, state and time: " + json);
        assertEquals(volume, Database.text("SELECT v.volume_guid FROM volume v JOIN recovery_key k "
                + "ON k.volume_id = v.volume_id WHERE k.recovery_key_id = ?", keyId));
        assertEquals(keyId.substring(0, 8), Database.text(
                "SELECT key_id_prefix FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals("OS", Database.text("SELECT volume_type FROM volume WHERE volume_guid = ?", volume));
        // stored hyphenated: the same key sent hyphenated is the identical key
        assertEquals(200, device.escrow(TestDevice.key(volume, "OS", keyId, password)).status());
        assertNotNull(Database.single("SELECT key_package FROM recovery_key WHERE recovery_key_id = ?", keyId));
    }

    @Test
    void theIdenticalKeyAgainIs200WithTheOriginalEscrowTime() {
        TestDevice device = TestDevice.enroll();
        JsonObjectBuilder key = TestDevice.key(Secrets.guid(), "FIXED", Secrets.guid(), Secrets.recoveryPassword());
        JsonObject body = key.build();
        Http.Reply first = Http.post(device.path("/recovery-keys"), body.toString(), device.token);
        Http.Reply again = Http.post(device.path("/recovery-keys"), body.toString(), device.token);

        assertEquals(201, first.status(), first::toString);
        assertEquals(200, again.status(), again::toString);
        assertEquals(first.json(), again.json());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?",
                body.getString("recoveryKeyId")));
    }

    @Test
    void theSameKeyIdWithAnotherPasswordIs409ChangesNothingAndIsAudited() {
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String password = Secrets.recoveryPassword();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", keyId, password)).status());

        assertProblem(device.escrow(TestDevice.key(volume, "OS", keyId, Secrets.recoveryPassword())), 409);

        assertEquals(200, device.escrow(TestDevice.key(volume, "OS", keyId, password)).status(),
                "the stored password must be the first one");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE recovery_key_id = ? "
                + "AND action = 'KEY_ESCROW' AND outcome = 'FAILURE'", keyId));
    }

    @Test
    void aKeyIdOfAnotherDeviceIs409AndStaysWithItsDevice() {
        TestDevice owner = TestDevice.enroll();
        TestDevice other = TestDevice.enroll();
        Map<String, String> key = owner.escrowNewKey("OS");

        assertProblem(other.escrow(TestDevice.key(Secrets.guid(), "OS", key.get("recoveryKeyId"),
                key.get("recoveryPassword"))), 409);

        assertEquals(owner.id, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?",
                key.get("recoveryKeyId")));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", other.id));
    }

    @Test
    void invalidInputIs400NamingTheFieldAndNothingIsHalfStored() {
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String password = Secrets.recoveryPassword();
        String badChecksum = password.substring(0, 5) + (char) ('0' + (password.charAt(5) - '0' + 1) % 10)
                + password.substring(6);

        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, badChecksum)), "recoveryPassword");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, password.substring(1))),
                "recoveryPassword");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, "720896" + password.substring(6))),
                "recoveryPassword");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, password).remove("recoveryPassword")),
                "recoveryPassword");
        assertInvalidField(device.escrow(TestDevice.key("not-a-guid", "OS", keyId, password)), "volumeId");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId + "0", password)), "recoveryKeyId");
        assertInvalidField(device.escrow(TestDevice.key(volume, "USB", keyId, password)), "volumeType");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, password).add("keyPackage", "%%%")),
                "keyPackage");
        String oversize = Base64.getEncoder().encodeToString(new byte[64 * 1024 + 1]);
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, password).add("keyPackage", oversize)),
                "keyPackage");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, password).add("replaces", keyId)),
                "replaces");
        assertInvalidField(device.escrow(TestDevice.key(volume, "OS", keyId, password).add("driveLetter", 3)),
                "driveLetter");

        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));

        String largest = Base64.getEncoder().encodeToString(new byte[64 * 1024]);
        assertEquals(201, device.escrow(TestDevice.key(volume, "REMOVABLE", keyId, password)
                .add("keyPackage", largest)).status(), "a 64 KiB key package is allowed");
    }

    @Test
    void withoutAValidTokenIs401() {
        TestDevice device = TestDevice.enroll();
        String body = TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), Secrets.recoveryPassword()).build().toString();

        assertProblem(Http.post(device.path("/recovery-keys"), body, null), 401);
        Http.Reply wrong = Http.post(device.path("/recovery-keys"), body, device.token + "x");
        assertProblem(wrong, 401);
        assertTrue(wrong.header("WWW-Authenticate").startsWith("Bearer"), wrong.header("WWW-Authenticate"));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));
    }

    @Test
    void aReplacementSupersedesTheOldKeyAndARemovedProtectorIsVerified() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> old = device.escrowNewKey("OS");
        String volume = old.get("volumeId");
        String newKey = Secrets.guid();

        Http.Reply replacement = device.escrow(TestDevice.key(volume, "OS", newKey, Secrets.recoveryPassword())
                .add("replaces", old.get("recoveryKeyId")));

        assertEquals(201, replacement.status(), replacement::toString);
        assertEquals("SUPERSEDED", state(old.get("recoveryKeyId")));
        assertEquals(newKey, Database.text("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?",
                old.get("recoveryKeyId")));
        assertNull(Database.single("SELECT rotation_requested_at FROM recovery_key WHERE recovery_key_id = ?",
                old.get("recoveryKeyId")));
        assertEquals("ACTIVE", state(newKey));

        // still listed by the device: stays superseded; gone from the device: verified removed
        assertEquals(200, device.checkIn(TestDevice.status(volume, old.get("recoveryKeyId"), newKey)).status());
        assertEquals("SUPERSEDED", state(old.get("recoveryKeyId")));
        assertEquals(200, device.checkIn(TestDevice.status(volume, newKey)).status());
        assertEquals("VERIFIED_REMOVED", state(old.get("recoveryKeyId")));
        assertEquals("ACTIVE", state(newKey));
    }

    @Test
    void replacingAnotherDevicesKeyStoresTheNewKeyAndLeavesTheOtherRecordUntouched() {
        TestDevice owner = TestDevice.enroll();
        TestDevice other = TestDevice.enroll();
        String ownersKey = owner.escrowNewKey("OS").get("recoveryKeyId");
        String newKey = Secrets.guid();

        assertEquals(201, other.escrow(TestDevice.key(Secrets.guid(), "OS", newKey, Secrets.recoveryPassword())
                .add("replaces", ownersKey)).status());

        assertEquals("ACTIVE", state(ownersKey));
        assertNull(Database.single("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?", ownersKey));
        assertEquals(other.id, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", newKey));
    }

    @Test
    void aRetryStoresWhatTheFirstAttemptLackedAndRefusesADifferentKeyPackage() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> old = device.escrowNewKey("OS");
        String volume = old.get("volumeId");
        String keyId = Secrets.guid();
        String password = Secrets.recoveryPassword();
        String keyPackage = Secrets.keyPackage();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", keyId, password)).status());

        Http.Reply retry = device.escrow(TestDevice.key(volume, "OS", keyId, password).add("keyPackage", keyPackage)
                .add("replaces", old.get("recoveryKeyId")));

        assertEquals(200, retry.status(), retry::toString);
        assertNotNull(Database.single("SELECT key_package FROM recovery_key WHERE recovery_key_id = ?", keyId),
                "the key package of the retry is stored");
        assertEquals("SUPERSEDED", state(old.get("recoveryKeyId")), "the replacement of the retry is recorded");
        assertEquals(200, device.escrow(TestDevice.key(volume, "OS", keyId, password).add("keyPackage", keyPackage))
                .status(), "the same package again is the identical key");
        assertProblem(device.escrow(TestDevice.key(volume, "OS", keyId, password)
                .add("keyPackage", Secrets.keyPackage())), 409);
    }

    static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
