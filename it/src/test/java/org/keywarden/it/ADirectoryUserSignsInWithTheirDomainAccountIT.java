package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users sign in with their directory account (a real OpenLDAP server, over StartTLS on one run and
 * LDAPS on the other): a user gets the key of the PC whose agent reported them by user principal name;
 * a member of the directory's helpdesk group reaches the helpdesk portal; a wrong password and a locked
 * directory account are refused. With the directory stopped, directory users get a clear answer (a
 * page that says so, 503 on the API), never a 500, and built-in administrators still sign in.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(115)
class ADirectoryUserSignsInWithTheirDomainAccountIT {

    @Test
    void aDirectoryUserGetsTheKeyOfThePcThatReportedThemAndHelpdeskMembersReachTheHelpdesk() {
        TestDevice device = TestDevice.enroll(Json.createObjectBuilder()
                .add("users", Json.createArrayBuilder().add(TestDirectory.ALICE_UPN)));
        Map<String, String> key = device.escrowNewKey("OS");
        try (Browser browser = Browser.open()) {
            SelfServicePage page = SelfServicePage.signIn(browser,
                    new TestUsers.User(TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD));
            assertTrue(browser.find("#signed-in-user").getText().contains("CORP\\" + TestDirectory.ALICE),
                    () -> browser.find("#signed-in-user").getText());
            assertFalse(browser.has("#nav-helpdesk"), "no role from the directory's groups");
            RecoveredKeyPage shown = page.accept().keyId(key.get("recoveryKeyId").substring(0, 8))
                    .reason("LOST_PIN_OR_PASSPHRASE").submitExpectingKey();
            assertEquals(key.get("recoveryPassword"), shown.password());
            browser.screenshot("selfservice-directory-user");
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'SUCCESS' AND recovery_key_id = ? AND source = 'SELF_SERVICE' AND actor = ?",
                key.get("recoveryKeyId"), "user:CORP\\" + TestDirectory.ALICE));
        JsonObject listed = AdminApi.get("/admin/users").json().getJsonArray("users").getValuesAs(JsonObject.class)
                .stream().filter(u -> u.getString("username").equals("CORP\\" + TestDirectory.ALICE)).findFirst()
                .orElseThrow();
        assertEquals("DIRECTORY", listed.getString("source"));
        assertEquals(0, listed.getJsonArray("roles").size());
        String path = "/admin/users/CORP%5C" + TestDirectory.ALICE;
        ProblemAssert.assertInvalidField(AdminApi.put(path, "{\"roles\": [\"ADMIN\"]}"), "roles");
        assertEquals(200, AdminApi.put(path, "{\"disabled\": true}").status(), "Keywarden may disable a directory user");
        try (Browser browser = Browser.open()) {
            SignInPage page = SignInPage.open(browser, "/selfservice/");
            page.signIn(TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD);
            assertTrue(page.isShown(), "disabled in Keywarden: refused whatever the directory says");
        } finally {
            assertEquals(200, AdminApi.put(path, "{\"disabled\": false}").status());
        }

        try (Browser browser = Browser.open()) {
            SignInPage.open(browser, "/").signIn("corp\\" + TestDirectory.HANK, TestDirectory.HANK_PASSWORD);
            assertTrue(browser.path().startsWith("/helpdesk/"), browser::path);
            new HelpdeskSearchPage(browser).search(device.hostname);
        }
    }

    @Test
    void aWrongPasswordAndALockedDirectoryAccountAreRefused() {
        try (Browser browser = Browser.open()) {
            SignInPage page = SignInPage.open(browser, "/selfservice/");
            page.signIn(TestDirectory.ALICE, "not-" + TestDirectory.ALICE_PASSWORD);
            assertTrue(page.isShown());
            String wrongPassword = page.message();
            assertFalse(wrongPassword.isBlank());
            page.signIn(TestDirectory.CAROL, TestDirectory.CAROL_PASSWORD);
            assertTrue(page.isShown(), "the directory refuses the locked account");
            assertEquals(wrongPassword, page.message(), "a locked account is told no more than a wrong password");
            page.signIn("OTHERDOMAIN\\" + TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD);
            assertTrue(page.isShown(), "another domain's name is no user of this directory");
        }
        assertEquals(0, Database.count("SELECT COUNT(*) FROM app_user WHERE username = ?", "CORP\\" + TestDirectory.CAROL));
    }

    @Test
    void withTheDirectoryStoppedDirectoryUsersAreToldSoAndBuiltInAdministratorsStillSignIn() {
        TestUsers.User admin = TestUsers.create("ADMIN");
        TestDirectory.stop();
        try {
            try (Browser browser = Browser.open()) {
                SignInPage page = SignInPage.open(browser, "/selfservice/");
                page.signIn(TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD);
                assertTrue(page.isShown());
                assertTrue(page.message().contains("directory"), page::message);
                browser.screenshot("signin-directory-unavailable");
                page.signIn(admin.username(), admin.password());
                assertFalse(page.isShown(), "a built-in administrator still signs in");
            }
            Http.Reply api = Http.send(Http.asUser("/admin/users", "CORP\\" + TestDirectory.ALICE,
                    TestDirectory.ALICE_PASSWORD).GET(), null);
            ProblemAssert.assertProblem(api, 503);
            assertTrue(api.header("Retry-After") != null, "a client may try again later");
            assertEquals(200, AdminApi.get("/admin/users").status(), "built-in API users are not affected");
        } finally {
            TestDirectory.resume();
        }
        try (Browser browser = Browser.open()) {
            SelfServicePage.signIn(browser, new TestUsers.User(TestDirectory.ALICE, TestDirectory.ALICE_PASSWORD));
        }
    }
}
