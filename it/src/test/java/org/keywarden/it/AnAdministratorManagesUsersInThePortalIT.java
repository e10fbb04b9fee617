package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first hour of an administrator: in the portal, add a helpdesk user (a too-short password is
 * refused and nothing is stored), who can then sign in and recover drives; later disable them, and they
 * can sign in no more.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(113)
class AnAdministratorManagesUsersInThePortalIT {

    @Test
    void addAHelpdeskUserWhoSignsInThenDisableThem() {
        String name = "CORP\\hd-" + Secrets.guid().substring(0, 6).toLowerCase(java.util.Locale.ROOT);
        String password = "a-good-long-password-" + Secrets.guid().substring(0, 4);
        try (Browser admin = Browser.open()) {
            SignInPage.open(admin, "/admin/users").signIn("admin", Keywarden.adminPassword());
            assertTrue(admin.has("#users"), admin::path);
            admin.find("#create\\:username").sendKeys(name);
            admin.find("#create\\:password").sendKeys("short");
            admin.find("input[type=checkbox][value='HELPDESK']").click();
            admin.clickAndWait(admin.find("#create\\:submit"));
            assertFalse(admin.find("#create\\:password-message").getText().isBlank(), "a short password is refused");
            assertEquals(0, Database.count("SELECT COUNT(*) FROM app_user WHERE username = ?", name));

            admin.find("#create\\:password").sendKeys(password);
            if (!admin.find("input[type=checkbox][value='HELPDESK']").isSelected()) {
                admin.find("input[type=checkbox][value='HELPDESK']").click();
            }
            admin.clickAndWait(admin.find("#create\\:submit"));
            assertTrue(admin.find("#user-created").getText().contains(name), () -> admin.find("main").getText());
            assertEquals("HELPDESK", Database.text("SELECT roles FROM app_user WHERE username = ?", name));
            admin.screenshot("admin-users");

            try (Browser helpdesk = Browser.open()) {
                SignInPage.signInToHelpdesk(helpdesk, new TestUsers.User(name, password));
            }

            admin.clickAndWait(admin.findAll(".kw-user-link").stream().filter(l -> l.getText().equals(name))
                    .findFirst().orElseThrow());
            admin.find("#user\\:disabled").click();
            admin.clickAndWait(admin.find("#user\\:submit"));
            assertTrue(admin.has("#user-changed"));

            try (Browser helpdesk = Browser.open()) {
                SignInPage page = SignInPage.open(helpdesk, "/helpdesk/");
                page.signIn(name, password);
                assertTrue(new SignInPage(helpdesk).isShown(), "a disabled user cannot sign in");
            }
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'USER_CHANGED' AND detail LIKE ? "
                + "AND source = 'HELPDESK_PORTAL' AND actor = 'user:admin'", "%" + name.substring(5) + "%disabled%"),
                "the change is audited");
    }
}
