package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator gives self-service the organisation's name, a notice in English and German, and a
 * helpdesk text and link in English only: a German user sees the German notice and the English helpdesk
 * text (the default language's). A link that is not http(s) and times out of range are refused, naming
 * the field, with nothing stored. Every change is audited with its old and new value; the API reads and
 * changes the same settings, and turning the notice off lets users go straight to the key ID.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(114)
class AnAdministratorBrandsTheSelfServicePortalIT {

    @Test
    void aGermanUserSeesTheGermanNoticeAndTheDefaultLanguagesHelpdeskText() {
        Http.Reply before = AdminApi.get("/admin/settings");
        assertEquals(200, before.status(), before::toString);
        assertTrue(before.json().getBoolean("noticeEnabled"));
        try {
            TestUsers.User admin = TestUsers.create("ADMIN");
            try (Browser browser = Browser.open()) {
                SignInPage.open(browser, "/admin/settings").signIn(admin.username(), admin.password());
                SettingsPage page = new SettingsPage(browser)
                        .text("companyName", "en", "Contoso IT")
                        .text("noticeText", "en", "Use this for <b>your own</b> PCs only.")
                        .text("noticeText", "de", "Nur für <b>Ihre eigenen</b> PCs.")
                        .text("helpdeskText", "en", "Call the service desk on 555-0100.")
                        .text("helpdeskUrl", "en", "javascript:alert(1)")
                        .save();
                assertFalse(page.saved());
                assertFalse(page.fieldError("helpdeskUrl-en").isEmpty(), "a link must be http or https");
                browser.screenshot("admin-settings");
                page = page.text("helpdeskUrl", "en", "https://helpdesk.example.com/bitlocker").save();
                assertTrue(page.saved(), () -> browser.find("main").getText());
            }
            TestUsers.User user = SelfServiceUsers.create();
            try (Browser browser = Browser.open("de")) {
                SelfServicePage page = SelfServicePage.signIn(browser, user);
                assertEquals("Nur für <b>Ihre eigenen</b> PCs.", page.text("notice"), "the German notice, as text");
                assertEquals("Call the service desk on 555-0100.", page.text("helpdesk-text"),
                        "no German helpdesk text: the default language's");
                assertEquals("https://helpdesk.example.com/bitlocker", page.text("helpdesk-url"));
                assertEquals("Contoso IT", browser.find("#company-name").getText());
                assertEquals("de", browser.find("html").getAttribute("lang"));
                browser.screenshot("de-selfservice");
            }
            try (Browser browser = Browser.open()) {
                SelfServicePage page = SelfServicePage.signIn(browser, user);
                assertEquals("Use this for <b>your own</b> PCs only.", page.text("notice"));
                browser.screenshot("selfservice-branded");
            }
            JsonObject stored = AdminApi.get("/admin/settings").json();
            assertEquals("Contoso IT", stored.getJsonObject("companyName").getString("en"));
            assertFalse(stored.getJsonObject("helpdeskText").containsKey("de"));
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SETTING_CHANGED' AND actor = ? "
                    + "AND detail = ?", "user:" + admin.username(),
                    "helpdeskText.en: (not set) -> \"Call the service desk on 555-0100.\""));
            assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SETTING_CHANGED' "
                    + "AND detail LIKE '%javascript%'"), "the refused link was not stored");

            Http.Reply refused = AdminApi.put("/admin/settings",
                    "{\"sessionIdleMinutes\": 0, \"helpdeskUrl\": {\"de\": \"ftp://files.example.com\"}}");
            ProblemAssert.assertInvalidField(refused, "sessionIdleMinutes");
            ProblemAssert.assertInvalidField(refused, "helpdeskUrl.de");
            ProblemAssert.assertInvalidField(AdminApi.put("/admin/settings", "{\"noticeEnabled\": \"yes\"}"), "noticeEnabled");
            ProblemAssert.assertInvalidField(AdminApi.put("/admin/settings", "{\"selfServiceLockout\": {\"failures\": 0}}"),
                    "selfServiceLockout.failures");
            assertEquals(stored, AdminApi.get("/admin/settings").json(), "nothing of a refused change is stored");

            Http.Reply off = AdminApi.put("/admin/settings", "{\"noticeEnabled\": false}");
            assertEquals(200, off.status(), off::toString);
            assertFalse(off.json().getBoolean("noticeEnabled"));
            String keyId = SelfServiceUsers.deviceOf(user).escrowNewKey("OS").get("recoveryKeyId");
            try (Browser browser = Browser.open()) {
                SelfServicePage page = SelfServicePage.signIn(browser, user);
                assertFalse(browser.has("#notice"), "no notice when it is turned off");
                page.keyId(keyId.substring(0, 8)).reason("OS_FILES_MODIFIED").submitExpectingKey();
            }
        } finally {
            Http.Reply restored = AdminApi.put("/admin/settings", before.body());
            assertEquals(200, restored.status(), restored::toString);
        }
        assertEquals(before.json(), AdminApi.get("/admin/settings").json());
    }
}
