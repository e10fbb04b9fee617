package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator moves from MBAM / ConfigMgr, Entra ID and Active Directory: {@code keywarden-admin import}
 * reads the exported CSV, the Graph JSON and the test directory (a real OpenLDAP with Active Directory's
 * BitLocker schema over StartTLS, its data in server-config/ldap/test-directory.sh) and stores every good key on an imported device record per computer; the
 * counts are reported, a bad row is named and not stored, the imported passwords disclose at once, and a
 * second import changes nothing. The answer never holds a secret.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(127)
class AnAdministratorImportsTheKeysItAlreadyHoldsIT {
    static final String AD_KEY = "8A696888-99A7-4FAC-92C7-6CC497EA7BDF";
    static final String AD_PASSWORD = "294360-488367-131208-633534-472494-263131-493768-161392";
    static final String AD_INVALID = "A90113B3-2647-4928-AEB4-A59FD7E34F58";


    @TempDir
    Path tmp;


    @Test
    void fromTheMbamDatabaseExport() throws Exception {
        String host = "PC-MB" + Secrets.guid().substring(0, 6);
        String other = "PC-MB" + Secrets.guid().substring(0, 6);
        String k1 = Secrets.guid(), k2 = Secrets.guid(), k3 = Secrets.guid(), bad = Secrets.guid();
        String p1 = Secrets.recoveryPassword(), p2 = Secrets.recoveryPassword(), p3 = Secrets.recoveryPassword();
        String v1 = Secrets.guid(), v2 = Secrets.guid();
        Path csv = tmp.resolve("mbam.csv");
        // as Invoke-Sqlcmd ... | Export-Csv -NoTypeInformation writes it (docs/migration.md)
        Files.writeString(csv, "\uFEFF\"Hostname\",\"Domain\",\"RecoveryKeyId\",\"VolumeGuid\",\"VolumeType\",\"RecoveryKey\","
                + "\"LastUpdateTime\"\r\n"
                + row(host.toLowerCase(), "CORP", k1, v1, "1", p1, "2023-04-05 10:11:12.123")
                + row(host, "CORP", k2, v2, "2", p2, "2023-04-06 08:00:00")
                + row(other, "CORP", "{" + k3.toLowerCase() + "}", "", "", p3, "")
                + row(other, "CORP", bad, "", "", "111112-" + p3.substring(7), "")
                + row(host, "CORP", k1, v1, "1", p1, "2023-04-05 10:11:12.123"));
        AdminCli.Run first = AdminCli.run("import", "mbam", "--csv", csv.toString());
        assertEquals(1, first.exitCode(), first.all());
        assertTrue(first.out().contains("Imported 3, already present 1, conflicting 0, invalid 1 (from MBAM, 5 in the source)"),
                first.all());
        assertTrue(first.err().contains("invalid: record 4 (" + other + ", " + bad + "): recoveryPassword group 1 fails the "
                + "checksum"), first.all());
        for (String p : List.of(p1, p2, p3)) {
            assertFalse(first.all().contains(p), "no password in the report");
        }

        String record = Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", k1);
        assertEquals(record, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", k2),
                "one record per computer, whatever the case of its name");
        assertEquals(host, Database.text("SELECT hostname FROM device WHERE device_id = ?", record));
        assertEquals("MBAM", Database.text("SELECT imported_from FROM device WHERE device_id = ?", record));
        assertEquals("FIXED", Database.text("SELECT v.volume_type FROM volume v JOIN recovery_key k ON k.volume_id = "
                + "v.volume_id WHERE k.recovery_key_id = ?", k2));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", bad));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_IMPORT' AND recovery_key_id = ?"
                + " AND outcome = 'SUCCESS'", k3));
        assertTrue(Database.text("SELECT escrowed_at FROM recovery_key WHERE recovery_key_id = ?", k1).startsWith("2023-04-05"),
                "the key keeps the time MBAM stored it");
        assertEquals(p3, disclose(k3), "an imported key discloses at once");

        AdminCli.Run again = AdminCli.run("import", "mbam", "--csv", csv.toString());
        assertTrue(again.out().contains("Imported 0, already present 4, conflicting 0, invalid 1"), again.all());
        assertEquals(2, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", record), "nothing changed");
        assertEquals("DISCLOSED", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", k3),
                "a second import leaves a disclosed key as it is");

        Path changed = tmp.resolve("changed.csv");
        Files.writeString(changed, "Hostname,RecoveryKeyId,RecoveryKey\n" + host + "," + k2 + "," + Secrets.recoveryPassword() + "\n");
        AdminCli.Run conflict = AdminCli.run("import", "configmgr", "--csv", changed.toString());
        assertEquals(1, conflict.exitCode(), conflict.all());
        assertTrue(conflict.out().contains("Imported 0, already present 0, conflicting 1, invalid 0"), conflict.all());
        assertEquals(p2, disclose(k2), "a conflicting import changes nothing");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_IMPORT' AND recovery_key_id = ?"
                + " AND outcome = 'FAILURE'", k2));
    }

    @Test
    void fromEntraIdThroughGraph() throws Exception {
        String host = "LAPTOP-EN" + Secrets.guid().substring(0, 5);
        String entraDevice = Secrets.guid().toLowerCase(), unknownDevice = Secrets.guid().toLowerCase();
        String k1 = Secrets.guid().toLowerCase(), k2 = Secrets.guid().toLowerCase(), k3 = Secrets.guid().toLowerCase();
        String p1 = Secrets.recoveryPassword(), p2 = Secrets.recoveryPassword(), p3 = Secrets.recoveryPassword();
        Path keys = tmp.resolve("keys.json");
        Files.writeString(keys, Json.createObjectBuilder().add("value", Json.createArrayBuilder()
                .add(graphKey(k1, entraDevice, p1, 1)).add(graphKey(k2, entraDevice, p2, 2))
                .add(graphKey(k3, unknownDevice, p3, 1))).build().toString());
        Path devices = tmp.resolve("devices.json");
        Files.writeString(devices, Json.createObjectBuilder().add("value", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("deviceId", entraDevice).add("displayName", host))).build().toString());
        AdminCli.Run run = AdminCli.run("import", "entra", "--keys", keys.toString(), "--devices", devices.toString());
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("Imported 2, already present 0, conflicting 0, invalid 1 (from ENTRA_ID, 3 in the source)"),
                run.all());
        assertTrue(run.err().contains("its deviceId " + unknownDevice + " is not in the devices file"), run.all());
        String record = Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", k1.toUpperCase());
        assertEquals("ENTRA_ID", Database.text("SELECT imported_from FROM device WHERE device_id = ?", record));
        assertEquals("FIXED", Database.text("SELECT v.volume_type FROM volume v JOIN recovery_key k ON k.volume_id = "
                + "v.volume_id WHERE k.recovery_key_id = ?", k2.toUpperCase()));
        assertEquals(p2, disclose(k2.toUpperCase()));
    }

    @Test
    void theApiNamesEachBadRowAndStoresTheRest() {
        String good = Secrets.guid();
        JsonArrayBuilder rows = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("hostname", "PC-API1").add("recoveryKeyId", good)
                        .add("recoveryPassword", Secrets.recoveryPassword()))
                .add(Json.createObjectBuilder().add("hostname", "PC-API1").add("recoveryKeyId", "not-a-guid")
                        .add("recoveryPassword", Secrets.recoveryPassword()))
                .add(Json.createObjectBuilder().add("recoveryKeyId", Secrets.guid()).add("recoveryPassword",
                        Secrets.recoveryPassword()).add("volumeType", "FLOPPY"))
                .add("a string");
        Http.Reply reply = AdminApi.post("/admin/imports", Json.createObjectBuilder().add("source", "MBAM")
                .add("keys", rows).build().toString());
        assertEquals(200, reply.status(), reply::toString);
        JsonObject answer = reply.json();
        assertEquals(1, answer.getInt("imported"));
        List<String> refused = answer.getJsonArray("invalid").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getInt("index") + ":" + r.getString("field")).toList();
        assertEquals(List.of("1:recoveryKeyId", "2:hostname", "2:volumeType", "3:keys[3]"), refused);

        Http.Reply noSource = AdminApi.post("/admin/imports", "{\"source\": \"SCCM\", \"keys\": []}");
        assertEquals(400, noSource.status(), noSource::toString);
        ProblemAssert.assertInvalidField(noSource, "source");
        ProblemAssert.assertInvalidField(noSource, "keys");
        Http.Reply helpdesk = Http.send(Http.asUser("/admin/imports", "nobody", "wrong-password-123")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\": \"MBAM\", \"keys\": []}")), null);
        assertEquals(401, helpdesk.status(), helpdesk::toString);
    }

    @Test
    void fromTheComputerObjectsOverStartTls() throws Exception {
        Secrets.remember(AD_PASSWORD);
        Path bindPassword = Files.writeString(tmp.resolve("bind"), "service-password-for-tests\n");
        String[] command = {"import", "ad", "--ldap-url", "ldap://127.0.0.1:" + System.getProperty("keywarden.test.ldap.port",
                "55389"), "--bind-dn", "cn=keywarden,ou=services,dc=corp,dc=example", "--bind-password-file",
            bindPassword.toString(), "--base", "ou=Computers,dc=corp,dc=example", "--trust",
            Path.of(System.getProperty("keywarden.test.ldap.dir"), "server.crt").toString()};
        AdminCli.Run run = AdminCli.run(command);
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("Imported 4, already present 0, conflicting 0, invalid 3 (from ACTIVE_DIRECTORY, 7 in "
                + "the source)"), run.all());
        assertTrue(run.err().contains(AD_INVALID + "): recoveryPassword group 3 fails the checksum"), run.all());
        assertTrue(run.err().contains("without msFVE-RecoveryPassword"), run.all());
        assertFalse(run.all().contains(AD_PASSWORD), "no password in the report");

        String record = Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", AD_KEY);
        assertEquals("PC-AD-0001", Database.text("SELECT hostname FROM device WHERE device_id = ?", record));
        assertEquals("corp.example.com", Database.text("SELECT domain_name FROM device WHERE device_id = ?", record));
        assertEquals("ACTIVE_DIRECTORY", Database.text("SELECT imported_from FROM device WHERE device_id = ?", record));
        assertEquals("AC376F35-2448-4461-A104-B174EB2DF7B3", Database.text("SELECT v.volume_guid FROM volume v JOIN "
                + "recovery_key k ON k.volume_id = v.volume_id WHERE k.recovery_key_id = ?", AD_KEY), "byte-swapped GUID");
        assertEquals(2, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", record));

        Http.Reply disclosed = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + AD_KEY + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"TPM_RESET\", \"includeKeyPackage\": true}")));
        assertEquals(200, disclosed.status(), disclosed::toString);
        JsonObject key = disclosed.json();
        assertEquals(AD_PASSWORD, key.getString("recoveryPassword"));
        assertEquals(96, java.util.Base64.getDecoder().decode(key.getString("keyPackage")).length, "the key package came too");

        AdminCli.Run again = AdminCli.run(command);
        assertTrue(again.out().contains("Imported 0, already present 4, conflicting 0, invalid 3"), again.all());
    }

    private static String row(String host, String domain, String key, String volume, String type, String password,
                              String time) {
        return String.join(",", List.of(host, domain, key, volume, type, password, time).stream()
                .map(v -> "\"" + v + "\"").toList()) + "\r\n";
    }

    private static JsonObject graphKey(String id, String deviceId, String key, int volumeType) {
        return Json.createObjectBuilder().add("id", id).add("createdDateTime", "2024-02-01T09:30:00Z")
                .add("deviceId", deviceId).add("volumeType", String.valueOf(volumeType)).add("key", key).build();
    }

    private static String disclose(String keyId) {
        Http.Reply disclosed = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + keyId + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"TPM_RESET\"}")));
        assertEquals(200, disclosed.status(), disclosed::toString);
        return disclosed.json().getString("recoveryPassword");
    }
}
