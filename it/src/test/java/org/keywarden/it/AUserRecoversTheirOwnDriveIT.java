package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.state.AgentState;

/**
 * A user's PC stops at the BitLocker recovery screen. From another device they sign in to self-service
 * with the account the PC's agent reported, accept the notice, type the 8 characters the screen shows
 * and a reason, and read the key; it hides itself. The disclosure is audited as self-service, and the
 * PC's next check-in rotates the key: the old key is superseded, then verified removed.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(110)
class AUserRecoversTheirOwnDriveIT {

    @TempDir
    Path state;

    private final StringWriter output = new StringWriter();


    @Test
    void theUserReadsTheKeyOfTheirOwnPcAndThePcRotatesIt() {
        TestUsers.User user = TestUsers.createNamed("CORP\\ss-" + Secrets.guid().substring(0, 8).toLowerCase(Locale.ROOT));
        String hostname = "PC-SS" + Secrets.guid().substring(0, 6);
        // the agent reports the user in its own case: matching ignores case
        agent("enroll", "--secret", Keywarden.enrollmentSecret(), "--hostname", hostname, "--domain", "CORP",
                "--user", user.username().toUpperCase(Locale.ROOT));
        agent("add-volume", "--type", "OS", "--drive", "C:");
        agent("checkin");
        String keyId = AgentState.load(state).recoveryPasswordProtectorIds().get(0);
        String password = AgentState.load(state).recoveryPassword(keyId).orElseThrow();
        Secrets.remember(password);

        try (Browser browser = Browser.open()) {
            SelfServicePage page = SelfServicePage.signIn(browser, user);
            assertEquals("/selfservice/", browser.path());
            assertFalse(page.text("notice").isBlank(), "the notice is shown");
            assertFalse(page.text("helpdesk-text").isBlank(), "the helpdesk is named");
            browser.screenshot("selfservice-start");

            page = page.keyId(keyId.substring(0, 8)).submit();
            assertFalse(page.fieldError("accepted").isEmpty(), "the notice must be accepted");
            page = page.accept().keyId(keyId.substring(0, 8)).submit();
            assertFalse(page.fieldError("reason").isEmpty(), "a reason is required");
            page = page.accept().keyId(keyId.substring(0, 8)).reason("OTHER").submit();
            assertFalse(page.fieldError("reasonText").isEmpty(), "Other needs the reason in words");
            assertEquals("ACTIVE", state(keyId), "nothing disclosed before the form is complete");

            RecoveredKeyPage shown = page.accept().keyId(" " + keyId.substring(0, 8).toLowerCase(Locale.ROOT) + " ")
                    .reason("BIOS_OR_TPM_CHANGED").submitExpectingKey();
            assertEquals(password, shown.password());
            assertEquals(8, shown.groups().size());
            assertTrue(shown.keyIdLine().contains(keyId) && shown.keyIdLine().contains(hostname), shown::keyIdLine);
            assertTrue(shown.fontFamily().toLowerCase(Locale.ROOT).contains("mono"), shown::fontFamily);
            assertFalse(shown.rotationNotice().isBlank());
            assertFalse(browser.find("#helpdesk-text").getText().isBlank(), "the helpdesk is named with the key too");
            browser.screenshot("selfservice-key");

            shown.awaitHidden(Duration.ofSeconds(60));
            assertFalse(shown.isKeyInPage(password), "the key hid itself");
            assertTrue(shown.hiddenNoticeShown());
        }
        assertEquals("DISCLOSED", state(keyId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'SUCCESS' AND recovery_key_id = ? AND actor = ? AND source = 'SELF_SERVICE' AND end_user = ? "
                + "AND reason = 'BIOS_OR_TPM_CHANGED'", keyId, "user:" + user.username(), user.username()));

        agent("checkin");
        List<String> protectors = AgentState.load(state).recoveryPasswordProtectorIds();
        protectors.forEach(id -> AgentState.load(state).recoveryPassword(id).ifPresent(Secrets::remember));
        assertEquals(1, protectors.size(), output::toString);
        String newKey = protectors.get(0);
        assertNotEquals(keyId, newKey, "the agent rotated the disclosed key");
        assertEquals("SUPERSEDED", state(keyId));
        assertEquals(newKey, Database.text("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?", keyId));
        agent("checkin");
        assertEquals("VERIFIED_REMOVED", state(keyId), "the next status no longer lists the old protector");
        assertEquals("ACTIVE", state(newKey));
    }

    @Test
    void anAdministratorAssociatesAUserWithAPcAndRemovesTheAssociationAgain() {
        TestUsers.User user = TestUsers.createNamed("CORP\\as-" + Secrets.guid().substring(0, 8).toLowerCase(Locale.ROOT));
        TestUsers.User admin = TestUsers.create("ADMIN");
        TestDevice device = TestDevice.enroll();
        String keyId = device.escrowNewKey("OS").get("recoveryKeyId");

        try (Browser browser = Browser.open()) {
            assertEquals("NOT_FOUND", SelfServicePage.signIn(browser, user).lookUp(keyId).outcome(),
                    "the device is not the user's yet");
        }
        try (Browser browser = Browser.open()) {
            SignInPage.open(browser, "/helpdesk/device?id=" + device.id).signIn(admin.username(), admin.password());
            DevicePage page = new DevicePage(browser).associate(user.username());
            assertTrue(page.users().contains(user.username()), () -> String.valueOf(page.users()));
            assertEquals("ADMIN", page.userSource(user.username()));
            browser.screenshot("helpdesk-device-associate");
        }
        try (Browser browser = Browser.open()) {
            SelfServicePage.signIn(browser, user).lookUp(keyId);
            new RecoveredKeyPage(browser);
        }
        try (Browser browser = Browser.open()) {
            SignInPage.open(browser, "/helpdesk/device?id=" + device.id).signIn(admin.username(), admin.password());
            DevicePage page = new DevicePage(browser).removeAssociation(user.username());
            assertFalse(page.users().contains(user.username()), () -> String.valueOf(page.users()));
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'DEVICE_USER_ASSOCIATED' AND "
                + "device_id = ? AND end_user = ? AND actor = ?", device.id, user.username(), "user:" + admin.username()));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'DEVICE_USER_REMOVED' AND "
                + "device_id = ? AND end_user = ?", device.id, user.username()));
    }

    @Test
    void scriptsAssociateAndRemoveUsersThroughTheAdminApi() {
        TestDevice device = TestDevice.enroll();
        String path = "/admin/devices/" + device.id + "/users";
        Http.Reply added = AdminApi.post(path, "{\"principal\": \"CORP\\\\bob\"}");
        assertEquals(201, added.status(), added::toString);
        assertEquals(200, AdminApi.post(path, "{\"principal\": \"corp\\\\BOB\"}").status(), "already associated (case ignored)");
        ProblemAssert.assertInvalidField(AdminApi.post(path, "{\"principal\": \"bob\"}"), "principal");
        ProblemAssert.assertInvalidField(AdminApi.post(path, "{}"), "principal");
        ProblemAssert.assertProblem(AdminApi.post("/admin/devices/" + Secrets.guid().toLowerCase(Locale.ROOT) + "/users",
                "{\"principal\": \"CORP\\\\bob\"}"), 404);
        TestUsers.User advanced = TestUsers.create("ADVANCED_HELPDESK");
        Http.Reply refused = Http.send(Http.asUser(path, advanced.username(), advanced.password())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"principal\": \"CORP\\\\eve\"}")), null);
        ProblemAssert.assertProblem(refused, 403);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ? AND source = 'ADMIN'", device.id));
        assertEquals(204, AdminApi.delete(path + "?principal=CORP%5Cbob").status());
        ProblemAssert.assertProblem(AdminApi.delete(path + "?principal=CORP%5Cbob"), 404);
        assertEquals(0, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ? AND principal = 'CORP\\bob'",
                device.id));
    }

    private static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }

    private void agent(String... command) {
        new AgentRunner(state).runWith(output, command);
    }
}
