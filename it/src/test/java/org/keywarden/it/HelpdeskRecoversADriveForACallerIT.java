package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PC stops at the BitLocker recovery screen; the user calls the helpdesk. The helpdesk follows the
 * ticket's link, signs in, finds the key by the 8 characters the caller reads out, must name the
 * caller, and reads the key out; the key is audited, marked disclosed, the device is told to rotate it,
 * and the shown key hides itself.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(100)
class HelpdeskRecoversADriveForACallerIT {

    @Test
    void theHelpdeskFindsTheKeyByItsFirstEightCharactersNamesTheCallerAndReadsTheKeyOut() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String keyId = key.get("recoveryKeyId");
        TestUsers.User helpdesk = TestUsers.create("HELPDESK");

        try (Browser browser = Browser.open()) {
            String ticketLink = "/helpdesk/search?q=" + keyId.substring(0, 8);
            SignInPage signIn = SignInPage.open(browser, ticketLink);
            long started = System.nanoTime();
            signIn.signIn(helpdesk.username(), helpdesk.password());
            HelpdeskSearchPage search = new HelpdeskSearchPage(browser);
            assertEquals(ticketLink, browser.path(), "back to the ticket's link after signing in");
            assertEquals("key", search.outcome(), search::resultsText);
            assertTrue(search.resultsText().contains(device.hostname), search::resultsText);
            browser.screenshot("helpdesk-search");

            RecoverPage recover = search.recoverFoundKey().reason("LOST_PIN");
            recover = recover.submitExpectingRefusal();
            assertFalse(recover.fieldError("endUser").isEmpty(), "a helpdesk user must name the caller");
            assertEquals("ACTIVE", state(keyId), "nothing disclosed without the caller's name");

            RecoveredKeyPage shown = recover.reason("LOST_PIN").endUser("CORP\\alice").submitExpectingKey();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.println("helpdesk: sign-in to shown key took " + millis + " ms (browser, 3 pages)");
            assertEquals(key.get("recoveryPassword"), shown.password());
            assertEquals(8, shown.groups().size());
            assertTrue(shown.keyIdLine().contains(keyId), shown::keyIdLine);
            assertFalse(shown.rotationNotice().isBlank());
            assertTrue(shown.fontFamily().toLowerCase().contains("mono"), shown::fontFamily);
            browser.screenshot("helpdesk-recovered-key");

            assertEquals("DISCLOSED", state(keyId));
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                    + "'SUCCESS' AND recovery_key_id = ? AND actor = ? AND reason = 'LOST_PIN' AND source = 'HELPDESK_PORTAL' "
                    + "AND end_user = ?", keyId, "user:" + helpdesk.username(), "CORP\\alice"));
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN' AND outcome = "
                    + "'SUCCESS' AND actor = ?", "user:" + helpdesk.username()));

            shown.awaitHidden(Duration.ofSeconds(60));
            assertFalse(shown.isKeyInPage(key.get("recoveryPassword")), "the key hid itself");
            assertTrue(shown.hiddenNoticeShown());

            DevicePage page = DevicePage.open(browser, device.id);
            assertEquals("DISCLOSED", page.keyState(keyId));
            assertTrue(page.keyHistory(keyId).contains(helpdesk.username()), () -> page.keyHistory(keyId));
            browser.screenshot("helpdesk-device");
        }
        Http.Reply checkIn = device.checkIn(TestDevice.status(key.get("volumeId"), keyId));
        assertEquals("ROTATE_RECOVERY_KEY", checkIn.json().getJsonArray("actions").getJsonObject(0).getString("type"));
    }

    @Test
    void anAdvancedHelpdeskUserRecoversWithoutNamingTheUserAndHidesTheKey() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("FIXED");
        TestUsers.User advanced = TestUsers.create("ADVANCED_HELPDESK");
        try (Browser browser = Browser.open()) {
            HelpdeskSearchPage search = SignInPage.signInToHelpdesk(browser, advanced).search(device.hostname);
            assertEquals("devices", search.outcome(), search::resultsText);
            DevicePage page = search.openDevice(0);
            RecoveredKeyPage shown = page.recover(key.get("recoveryKeyId")).reason("OTHER")
                    .details("Motherboard replaced by the vendor").submitExpectingKey();
            assertEquals(key.get("recoveryPassword"), shown.password());
            shown.hide();
            assertFalse(shown.isKeyInPage(key.get("recoveryPassword")));
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'SUCCESS' AND recovery_key_id = ? AND reason = 'OTHER: Motherboard replaced by the vendor' "
                + "AND detail LIKE '%no end user named%'", key.get("recoveryKeyId")));
    }

    private static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
