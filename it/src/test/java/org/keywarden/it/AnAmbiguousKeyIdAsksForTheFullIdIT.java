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
 * Two keys on two people's PCs share their first 8 characters: the helpdesk is asked for the full key
 * ID and sees neither key, neither computer (DESIGN rule 6); the full ID then finds the one key.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(101)
class AnAmbiguousKeyIdAsksForTheFullIdIT {

    @Test
    void eightSharedCharactersListNothingAndTheFullIdFindsTheKey() {
        String prefix = Secrets.guid().substring(0, 8);
        TestDevice alices = TestDevice.enroll();
        TestDevice bobs = TestDevice.enroll();
        String alicesKey = prefix + Secrets.guid().substring(8);
        String bobsKey = prefix + Secrets.guid().substring(8);
        assertEquals(201, alices.escrow(TestDevice.key(Secrets.guid(), "OS", alicesKey, Secrets.recoveryPassword())).status());
        assertEquals(201, bobs.escrow(TestDevice.key(Secrets.guid(), "OS", bobsKey, Secrets.recoveryPassword())).status());

        try (Browser browser = Browser.open()) {
            HelpdeskSearchPage search = SignInPage.signInToHelpdesk(browser, TestUsers.create("HELPDESK"))
                    .search(prefix.toLowerCase(java.util.Locale.ROOT));
            assertEquals("ambiguous", search.outcome(), search::resultsText);
            String source = browser.source();
            for (String leak : new String[] {alicesKey, bobsKey, alices.hostname, bobs.hostname, alices.id, bobs.id,
                    alicesKey.substring(9, 13), bobsKey.substring(9, 13)}) {
                assertFalse(source.contains(leak), "the ambiguous answer names " + leak);
            }
            HelpdeskSearchPage full = search.search("{" + bobsKey.toLowerCase(java.util.Locale.ROOT) + "}");
            assertEquals("key", full.outcome(), full::resultsText);
            assertTrue(full.resultsText().contains(bobs.hostname));
            assertFalse(browser.source().contains(alicesKey));
        }
    }

    @Test
    void hexDigitsThatMatchNoKeyAreTriedAsAComputerName() {
        try (Browser browser = Browser.open()) {
            HelpdeskSearchPage search = SignInPage.signInToHelpdesk(browser, TestUsers.create("HELPDESK"))
                    .search(Secrets.guid().substring(0, 8));
            assertEquals("none", search.outcome(), search::resultsText);
        }
    }
}
