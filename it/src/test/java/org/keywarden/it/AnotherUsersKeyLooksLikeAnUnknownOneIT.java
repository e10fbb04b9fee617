package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user types the key ID of someone else's PC, an ID no key has, and one that is no key ID at all: the
 * three answers are the same page (apart from the view state, the script nonce and the echoed ID), with
 * the same status, and nothing is disclosed; the audit trail records each real cause.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(111)
class AnotherUsersKeyLooksLikeAnUnknownOneIT {

    @Test
    void anotherUsersKeyAnUnknownIdAndAMalformedOneGetTheSamePage() {
        TestUsers.User owner = SelfServiceUsers.create();
        String othersKey = SelfServiceUsers.deviceOf(owner).escrowNewKey("OS").get("recoveryKeyId");
        TestUsers.User user = SelfServiceUsers.create();
        SelfServiceUsers.deviceOf(user).escrowNewKey("OS");
        String unknown = Secrets.guid();
        String othersTyped = othersKey.substring(0, 8);
        String unknownTyped = unknown.substring(0, 8);
        String malformedTyped = "NOT-A-KEY";

        try (Browser browser = Browser.open()) {
            SelfServicePage page = SelfServicePage.signIn(browser, user);
            page = page.lookUp(othersTyped);
            assertEquals("NOT_FOUND", page.outcome());
            String othersPage = page.sourceWithout(othersTyped);
            browser.screenshot("selfservice-not-found");
            page = SelfServicePage.open(browser).lookUp(unknownTyped);
            assertEquals("NOT_FOUND", page.outcome());
            String unknownPage = page.sourceWithout(unknownTyped);
            page = SelfServicePage.open(browser).lookUp(malformedTyped);
            assertEquals("NOT_FOUND", page.outcome());
            String malformedPage = page.sourceWithout(malformedTyped);

            assertEquals(unknownPage, othersPage, "another user's key must look like an unknown one");
            assertEquals(unknownPage, malformedPage, "a malformed key ID must look like an unknown one");
            assertTrue(othersPage.contains("<typed>"), "the typed ID is echoed, escaped");
        }
        // the same over plain HTTP: status and the page as sent, byte for byte but for view state, nonce and echo
        // (another user, as the five failed lookups of one would lock them out)
        PortalClient http = PortalClient.signedIn(SelfServiceUsers.create());
        Http.Reply others = http.selfServiceLookUp(othersTyped);
        Http.Reply unknownReply = http.selfServiceLookUp(unknownTyped);
        assertEquals(200, others.status());
        assertEquals(unknownReply.status(), others.status());
        assertEquals(SelfServicePage.normalized(unknownReply.body(), unknownTyped),
                SelfServicePage.normalized(others.body(), othersTyped));
        Http.REPLY_BODIES.add(others.body());

        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", othersKey));
        String actor = "user:" + user.username();
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'FAILURE' AND actor = ? AND source = 'SELF_SERVICE' AND recovery_key_id = ? AND detail LIKE ?",
                actor, othersKey, "%not of a device the user is associated with%"));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'FAILURE' AND actor = ? AND detail LIKE ?", actor, "%no such recovery key: " + unknownTyped + "%"));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'FAILURE' AND actor = ? AND detail LIKE '%malformed key ID%'", actor));
    }
}
