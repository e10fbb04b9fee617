package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two of a user's own keys start with the same 8 characters: self-service asks for all 32 and shows
 * neither; with all 32 it shows the one asked for. A third key with that start, on someone else's PC,
 * changes nothing: it is never counted, listed or shown.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(112)
class TheEightCharactersOfTwoOwnKeysAskForAllThirtyTwoIT {

    @Test
    void twoOwnKeysWithTheSameStartNeedTheFullId() {
        TestUsers.User user = SelfServiceUsers.create();
        TestDevice device = SelfServiceUsers.deviceOf(user);
        String first = Secrets.guid();
        String prefix = first.substring(0, 8);
        String second = prefix + Secrets.guid().substring(8);
        String password = Secrets.recoveryPassword();
        assertEquals(201, device.escrow(TestDevice.key(Secrets.guid(), "OS", first, Secrets.recoveryPassword())).status());
        assertEquals(201, device.escrow(TestDevice.key(Secrets.guid(), "FIXED", second, password)).status());
        TestDevice someoneElses = SelfServiceUsers.deviceOf(SelfServiceUsers.create());
        String third = prefix + Secrets.guid().substring(8);
        assertEquals(201, someoneElses.escrow(TestDevice.key(Secrets.guid(), "OS", third, Secrets.recoveryPassword())).status());

        try (Browser browser = Browser.open()) {
            SelfServicePage page = SelfServicePage.signIn(browser, user).lookUp(prefix);
            assertEquals("FULL_ID_NEEDED", page.outcome());
            assertFalse(page.text("full-id-needed").isBlank());
            assertFalse(browser.source().contains(first) || browser.source().contains(second)
                    || browser.source().contains(third), "no key ID is listed");
            browser.screenshot("selfservice-full-id");
            RecoveredKeyPage shown = page.accept().keyId("{" + second.toLowerCase(java.util.Locale.ROOT) + "}")
                    .reason("LOST_PIN_OR_PASSPHRASE").submitExpectingKey();
            assertEquals(password, shown.password());
        }
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", first));
        assertEquals("DISCLOSED", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", second));
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", third));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM self_service_throttle WHERE username_key = ?",
                user.username().toLowerCase(java.util.Locale.ROOT)), "asking for the full ID is no failed lookup");
    }
}
