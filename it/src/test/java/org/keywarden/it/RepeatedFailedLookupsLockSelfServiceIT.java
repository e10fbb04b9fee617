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
 * A user (or someone with their session) guesses key IDs: the fifth failed lookup within 15 minutes
 * locks their self-service for 15 minutes, even for their own key, in a new session too (the count is in
 * the database). The page says until when and names the helpdesk; the lockout is audited. Other users
 * are not affected.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(113)
class RepeatedFailedLookupsLockSelfServiceIT {

    @Test
    void theFifthFailedLookupLocksSelfServiceEvenForTheUsersOwnKey() {
        TestUsers.User user = SelfServiceUsers.create();
        String ownKey = SelfServiceUsers.deviceOf(user).escrowNewKey("OS").get("recoveryKeyId");
        TestUsers.User other = SelfServiceUsers.create();
        String othersKey = SelfServiceUsers.deviceOf(other).escrowNewKey("OS").get("recoveryKeyId");

        try (Browser browser = Browser.open()) {
            SelfServicePage page = SelfServicePage.signIn(browser, user);
            for (int attempt = 1; attempt <= 4; attempt++) {
                page = SelfServicePage.open(browser).lookUp(Secrets.guid().substring(0, 8));
                assertEquals("NOT_FOUND", page.outcome(), "attempt " + attempt);
            }
            page = SelfServicePage.open(browser).lookUp(Secrets.guid().substring(0, 8));
            assertEquals("LOCKED_OUT", page.outcome());
            assertFalse(page.text("locked-out").isBlank());
            assertFalse(page.text("helpdesk-text").isBlank(), "the locked page names the helpdesk");
            assertFalse(page.hasForm());
            browser.screenshot("selfservice-locked-out");
        }
        try (Browser browser = Browser.open()) {
            SelfServicePage page = SelfServicePage.signIn(browser, user).lookUp(ownKey.substring(0, 8));
            assertEquals("LOCKED_OUT", page.outcome(), "locked in a new session too, even for the user's own key");
            assertTrue(page.text("locked-out").matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), () -> page.text("locked-out"));
        }
        try (Browser browser = Browser.open()) {
            SelfServicePage.signIn(browser, other).lookUp(othersKey.substring(0, 8));
            new RecoveredKeyPage(browser);
        }
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", ownKey));
        String actor = "user:" + user.username();
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SELF_SERVICE_LOCKED_OUT' AND "
                + "actor = ? AND source = 'SELF_SERVICE'", actor));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'FAILURE' AND actor = ? AND detail LIKE '%locked after failed lookups%'", actor));
        assertEquals(5, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'FAILURE' AND actor = ? AND detail LIKE '%no such recovery key%'", actor));
    }
}
