package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.keywarden.it.ProblemAssert.assertInvalidField;
import static org.keywarden.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST .../status} and {@code GET .../actions}: escrow gaps, MBAM migration, 400 and 401. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(40)
class CheckInIT {

    @Test
    void aFullyEscrowedDeviceHasNothingToDoAndItsStatusIsRecorded() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");

        Http.Reply reply = device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId")));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(0, reply.json().getJsonArray("actions").size(), reply::toString);
        assertEquals(90, reply.json().getInt("checkInIntervalMinutes"));
        assertNotNull(Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", device.id));
        assertEquals("FULLY_ENCRYPTED", Database.text("SELECT conversion_status FROM volume_status WHERE device_id = ?",
                device.id));
    }

    /** What a cheaper check-in must keep: the same status again still counts as a check-in; a change is stored. */
    @Test
    void anUnchangedCheckInStillMovesTheLastCheckInTimeAndAChangedStatusIsStored() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        JsonObject status = TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"));
        assertEquals(200, device.checkIn(status).status());
        Object first = Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", device.id);

        JsonObject same = Json.createObjectBuilder(status).add("reportedAt", Instant.now().toString()).build();
        Http.Reply again = device.checkIn(same);
        assertEquals(200, again.status(), again::toString);
        assertEquals(0, again.json().getJsonArray("actions").size(), again::toString);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device WHERE device_id = ? AND last_check_in_at > ?",
                device.id, first), "an unchanged check-in moves the last check-in time");
        Object second = Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", device.id);

        JsonObject volume = status.getJsonArray("volumes").getJsonObject(0);
        JsonObject changed = Json.createObjectBuilder(status).add("reportedAt", Instant.now().toString())
                .add("volumes", Json.createArrayBuilder().add(Json.createObjectBuilder(volume)
                        .add("protectionStatus", "OFF").add("compliant", false)
                        .add("nonComplianceCodes", Json.createArrayBuilder().add(3))))
                .build();
        Http.Reply reply = device.checkIn(changed);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("OFF", Database.text("SELECT protection_status FROM volume_status WHERE device_id = ?", device.id));
        assertEquals(Boolean.FALSE, Database.single("SELECT compliant FROM volume_status WHERE device_id = ?", device.id));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device WHERE device_id = ? AND last_check_in_at > ?",
                device.id, second), "a changed check-in moves it too");
    }

    /**
     * Unchanged check-ins are committed in groups: each answer comes only once its own write is stored, for
     * every one of many devices checking in at the same moment, and no other row of theirs is rewritten.
     */
    @Test
    void unchangedCheckInsOfManyDevicesAtOnceAreEachStoredBeforeTheyAreAnswered() throws Exception {
        int devices = 24;
        List<TestDevice> enrolled = new ArrayList<>();
        List<JsonObject> statuses = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            TestDevice device = TestDevice.enroll();
            Map<String, String> key = device.escrowNewKey("OS");
            JsonObject status = TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"));
            assertEquals(200, device.checkIn(status).status());
            enrolled.add(device);
            statuses.add(status);
        }
        Map<String, Object> firstCheckIn = new HashMap<>();
        Map<String, Object> statusSince = new HashMap<>();
        for (TestDevice device : enrolled) {
            firstCheckIn.put(device.id, Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", device.id));
            statusSince.put(device.id, Database.single("SELECT received_at FROM volume_status WHERE device_id = ?", device.id));
        }

        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                TestDevice device = enrolled.get(i);
                JsonObject same = Json.createObjectBuilder(statuses.get(i)).add("reportedAt", Instant.now().toString()).build();
                replies.add(pool.submit(() -> {
                    start.await();
                    return device.checkIn(same);
                }));
            }
            start.countDown();
            for (int i = 0; i < devices; i++) {
                Http.Reply reply = replies.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(200, reply.status(), reply::toString);
                assertEquals(0, reply.json().getJsonArray("actions").size(), reply::toString);
                // read once the answer is in: the write it acknowledges is already stored
                String id = enrolled.get(i).id;
                assertEquals(1, Database.count("SELECT COUNT(*) FROM device WHERE device_id = ? AND last_check_in_at > ?",
                        id, firstCheckIn.get(id)), "device " + i + "'s check-in is stored before its answer");
                assertEquals(statusSince.get(id), Database.single("SELECT received_at FROM volume_status WHERE device_id = ?", id),
                        "an unchanged status is not written again");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A user reported again is seen again, at most once per hour of last-seen resolution. */
    @Test
    void anUnchangedCheckInMovesAUsersLastSeenTimeOncePerHour() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        JsonObject status = TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"));
        assertEquals(200, device.checkIn(status).status());
        LocalDateTime twoHoursAgo = LocalDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0);
        assertEquals(1, Database.update("UPDATE device_user SET last_seen_at = ? WHERE device_id = ?", twoHoursAgo, device.id));

        assertEquals(200, device.checkIn(Json.createObjectBuilder(status).add("reportedAt", Instant.now().toString()).build())
                .status());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ? AND last_seen_at > ?",
                device.id, twoHoursAgo.plusMinutes(90)), "seen two hours ago, the user is seen again now");
        Object seen = Database.single("SELECT last_seen_at FROM device_user WHERE device_id = ?", device.id);

        assertEquals(200, device.checkIn(Json.createObjectBuilder(status).add("reportedAt", Instant.now().toString()).build())
                .status());
        assertEquals(seen, Database.single("SELECT last_seen_at FROM device_user WHERE device_id = ?", device.id),
                "seen moments ago, the user's row is not written again");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ?", device.id));
    }

    @Test
    void aLateRetryChangesNoNewerStatusButADeviceClockSetBackDoes() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        JsonObject status = TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId"));
        Instant latest = Instant.parse(status.getString("reportedAt"));
        assertEquals(200, device.checkIn(status).status());

        JsonObject volume = status.getJsonArray("volumes").getJsonObject(0);
        JsonObject retried = Json.createObjectBuilder(status).add("reportedAt", latest.minusSeconds(60).toString())
                .add("volumes", Json.createArrayBuilder().add(Json.createObjectBuilder(volume)
                        .add("conversionStatus", "ENCRYPTION_IN_PROGRESS")))
                .build();
        assertEquals(200, device.checkIn(retried).status());
        assertEquals("FULLY_ENCRYPTED", Database.text("SELECT conversion_status FROM volume_status WHERE device_id = ?",
                device.id), "a report made before the stored one changes nothing");

        JsonObject clockSetBack = Json.createObjectBuilder(retried)
                .add("reportedAt", latest.minus(java.time.Duration.ofDays(400)).toString()).build();
        assertEquals(200, device.checkIn(clockSetBack).status());
        assertEquals("ENCRYPTION_IN_PROGRESS", Database.text("SELECT conversion_status FROM volume_status "
                + "WHERE device_id = ?", device.id), "a device whose clock went back a year still reports");
    }

    @Test
    void anUnescrowedRecoveryPasswordIsAnEscrowGapUntilTheDeviceEscrowsIt() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> known = device.escrowNewKey("OS");
        String volume = known.get("volumeId");
        String missing = Secrets.guid();

        // sent lower case with braces: answered in the canonical form
        Http.Reply reply = device.checkIn(TestDevice.status("{" + volume.toLowerCase(Locale.ROOT) + "}",
                known.get("recoveryKeyId"), "{" + missing.toLowerCase(Locale.ROOT) + "}"));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("type", "ESCROW_RECOVERY_KEY").add("volumeId", volume).add("recoveryKeyId", missing)).build(),
                reply.json().getJsonArray("actions"));
        Http.Reply pending = Http.get(device.path("/actions"), device.token);
        assertEquals(200, pending.status(), pending::toString);
        assertEquals(reply.json(), pending.json(), "GET actions answers as the check-in did");

        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", missing, Secrets.recoveryPassword())).status());
        assertEquals(0, Http.get(device.path("/actions"), device.token).json().getJsonArray("actions").size());
        assertEquals(0, device.checkIn(TestDevice.status(volume, known.get("recoveryKeyId"), missing))
                .json().getJsonArray("actions").size());
    }

    @Test
    void aDeviceMigratedFromMbamRotatesEveryKeyFromItsFirstCheckInUntilReplaced() {
        TestDevice device = TestDevice.enroll(Json.createObjectBuilder().add("migratedFromMbam", true));
        Map<String, String> key = device.escrowNewKey("OS");
        String volume = key.get("volumeId");
        JsonObject status = TestDevice.status(volume, key.get("recoveryKeyId"));

        JsonArray actions = device.checkIn(status).json().getJsonArray("actions");
        assertEquals(1, actions.size(), actions::toString);
        assertEquals("ROTATE_RECOVERY_KEY", actions.getJsonObject(0).getString("type"));
        assertEquals(key.get("recoveryKeyId"), actions.getJsonObject(0).getString("recoveryKeyId"));
        assertEquals(volume, actions.getJsonObject(0).getString("volumeId"));
        assertEquals(actions, device.checkIn(status).json().getJsonArray("actions"), "asked until it is done");

        String replacement = Secrets.guid();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", replacement, Secrets.recoveryPassword())
                .add("replaces", key.get("recoveryKeyId"))).status());
        assertEquals(0, device.checkIn(TestDevice.status(volume, replacement)).json().getJsonArray("actions").size());
    }

    @Test
    void anOrdinaryDeviceIsNotAskedToRotate() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        assertEquals(0, device.checkIn(TestDevice.status(key.get("volumeId"), key.get("recoveryKeyId")))
                .json().getJsonArray("actions").size());
    }

    @Test
    void invalidStatusIs400NamingTheFieldAndStoresNothing() {
        TestDevice device = TestDevice.enroll();
        JsonObject valid = TestDevice.status(Secrets.guid(), Secrets.guid());
        JsonObject volume = valid.getJsonArray("volumes").getJsonObject(0);

        assertInvalidField(device.checkIn(Json.createObjectBuilder(valid).remove("volumes").build()), "volumes");
        assertInvalidField(device.checkIn(Json.createObjectBuilder(valid).remove("reportedAt").build()), "reportedAt");
        assertInvalidField(device.checkIn(withVolume(valid, Json.createObjectBuilder(volume)
                .add("volumeId", "C:").build())), "volumes[0].volumeId");
        assertInvalidField(device.checkIn(withVolume(valid, Json.createObjectBuilder(volume)
                .add("volumeType", "FLOPPY").build())), "volumes[0].volumeType");
        assertInvalidField(device.checkIn(withVolume(valid, Json.createObjectBuilder(volume)
                .add("nonComplianceCodes", Json.createArrayBuilder().add(17)).build())),
                "volumes[0].nonComplianceCodes[0]");
        assertInvalidField(device.checkIn(withVolume(valid, Json.createObjectBuilder(volume)
                .add("protectors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", "nope").add("type", "TPM"))).build())), "volumes[0].protectors[0].id");
        assertInvalidField(device.checkIn(withVolume(valid, Json.createObjectBuilder(volume)
                .add("protectors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", Secrets.guid()).add("type", "<script>"))).build())),
                "volumes[0].protectors[0].type");
        assertInvalidField(device.checkIn(withVolume(valid, Json.createObjectBuilder(volume)
                .add("compliant", "yes").build())), "volumes[0].compliant");

        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));
        assertEquals(null, Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", device.id));
    }

    @Test
    void withoutAValidTokenIs401() {
        TestDevice device = TestDevice.enroll();
        assertProblem(device.checkInWith(null), 401);
        assertProblem(Http.get(device.path("/actions"), null), 401);
        assertProblem(Http.get(device.path("/actions"), "Bearer-nonsense"), 401);
    }

    private static JsonObject withVolume(JsonObject status, JsonObject volume) {
        return Json.createObjectBuilder(status).add("volumes", Json.createArrayBuilder().add(volume)).build();
    }
}
