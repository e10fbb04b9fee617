package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other class: the server log, every answer the tests received (API answers and every
 * portal page the browser showed, but the one that rightly shows a key) and every audit event are
 * searched for every recovery password, key package and TPM hash escrowed (in every separator form) and
 * for every device token. None may appear.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(Integer.MAX_VALUE)
class NoSecretsLeakedIT {

    @Test
    void noSecretAppearsInTheServerLogOrInAnyAnswer() throws Exception {
        exerciseEveryPathThatHandlesASecret();

        String log = Files.readString(Keywarden.serverLog(), StandardCharsets.UTF_8);
        assertTrue(log.contains("Keywarden data directory"), "not the server's log: " + Keywarden.serverLog());
        assertFalse(Secrets.ISSUED.size() < 10 || Secrets.TOKENS.size() < 3, "too few secrets to search for");

        List<String> audit = new ArrayList<>();
        for (Object row : Database.column("SELECT CONCAT(COALESCE(actor, ''), '|', COALESCE(reason, ''), '|', "
                + "COALESCE(detail, ''), '|', COALESCE(end_user, ''), '|', COALESCE(source_address, '')) FROM audit_event")) {
            audit.add(String.valueOf(row));
        }
        assertTrue(audit.size() > 50, "too few audit events to search");
        List<String> leaks = new ArrayList<>();
        for (String secret : Secrets.ISSUED) {
            for (String form : forms(secret)) {
                if (log.contains(form)) {
                    leaks.add("server log holds a secret (" + secret.length() + " chars)");
                }
                for (String body : Http.REPLY_BODIES) {
                    if (body.contains(form)) {
                        leaks.add("an answer holds a secret: " + body.substring(0, Math.min(80, body.length())));
                    }
                }
                for (String event : audit) {
                    if (event.contains(form)) {
                        leaks.add("an audit event holds a secret");
                    }
                }
            }
        }
        for (String token : Secrets.TOKENS) {
            if (log.contains(token)) {
                leaks.add("server log holds a device token");
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** Success, retry, conflict, invalid input and TPM reports, each with a secret the log must not get. */
    private static void exerciseEveryPathThatHandlesASecret() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"), key.get("recoveryPassword")));
        device.escrow(TestDevice.key(key.get("volumeId"), "OS", key.get("recoveryKeyId"), Secrets.recoveryPassword()));
        String invalid = Secrets.remember(Secrets.recoveryPassword().substring(0, 46) + "1");
        device.escrow(TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), invalid));
        device.escrow(TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), Secrets.recoveryPassword())
                .add("keyPackage", Secrets.keyPackage()));
        Http.put(device.path("/tpm"), Json.createObjectBuilder().add("ownerAuthHash", Secrets.tpmHash())
                .add("reportedAt", Instant.now().toString()).build().toString(), device.token);
        TestDevice other = TestDevice.enroll();
        Http.post(device.path("/recovery-keys"), TestDevice.key(Secrets.guid(), "OS", Secrets.guid(),
                Secrets.recoveryPassword()).build().toString(), other.token);
        exerciseSelfServiceWithADirectoryUser();
    }

    /** A directory sign-in (its password and the service account's are secrets too), a self-service disclosure and a miss. */
    private static void exerciseSelfServiceWithADirectoryUser() {
        Secrets.remember(TestDirectory.ALICE_PASSWORD);
        Secrets.remember("service-password-for-tests");
        TestDevice alices = TestDevice.enroll(Json.createObjectBuilder()
                .add("users", Json.createArrayBuilder().add("CORP\\" + TestDirectory.ALICE)));
        String keyId = alices.escrowNewKey("FIXED").get("recoveryKeyId");
        PortalClient alice = PortalClient.signedIn(TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD);
        alice.selfServiceLookUp(keyId.substring(0, 8));
        Http.REPLY_BODIES.add(alice.selfServiceLookUp(Secrets.guid().substring(0, 8)).body());
        Http.REPLY_BODIES.add(alice.get("/selfservice/").body());
    }

    private static List<String> forms(String secret) {
        if (secret.matches("\\d{6}(-\\d{6}){7}") || secret.matches("[\\d-]{40,}")) {
            return List.of(secret, secret.replace('-', ' '), secret.replace("-", ""));
        }
        return List.of(secret);
    }
}
