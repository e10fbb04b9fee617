package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A device (or whoever holds the enrollment secret) reports markup as its hostname, domain, user and
 * drive letter: every page lists and shows it as text, and no script of it runs.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(105)
class HostileDeviceDataIsShownAsTextIT {

    static final String SCRIPT = "<script>window.kwOwned=1</script>";
    static final String IMAGE = "<img src=x onerror=window.kwOwned=2>";


    @Test
    void markupFromADeviceIsTextOnTheSearchAndTheDevicePage() {
        String hostname = "PC-" + Secrets.guid().substring(0, 6) + SCRIPT;
        TestDevice device = TestDevice.enroll(Json.createObjectBuilder().add("hostname", hostname)
                .add("domain", "CORP" + IMAGE).add("osVersion", "10.0\"'><b>bold</b>")
                .add("users", Json.createArrayBuilder().add("CORP\\" + IMAGE)));
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        Http.Reply escrow = device.escrow(TestDevice.key(volume, "OS", keyId, Secrets.recoveryPassword())
                .add("driveLetter", "<i>C:"));
        String drive = escrow.status() == 201 ? "<i>C:" : "C:";
        if (escrow.status() != 201) {
            assertEquals(201, device.escrow(TestDevice.key(volume, "OS", keyId, Secrets.recoveryPassword())).status());
        }

        try (Browser browser = Browser.open()) {
            HelpdeskSearchPage search = SignInPage.signInToHelpdesk(browser, TestUsers.create("HELPDESK")).search(hostname);
            assertEquals("devices", search.outcome(), search::resultsText);
            assertEquals(java.util.List.of(hostname), search.deviceLinks());
            assertTrue(search.resultsText().contains("CORP" + IMAGE));
            assertNoScriptRan(browser);

            DevicePage page = search.openDevice(0);
            assertEquals(hostname, page.fact("hostname"));
            assertEquals("CORP" + IMAGE, page.fact("domain"));
            assertEquals("10.0\"'><b>bold</b>", page.fact("os"));
            assertEquals(java.util.List.of("CORP\\" + IMAGE), page.users());
            assertTrue(page.volumeHeading(volume).startsWith(drive), page.volumeHeading(volume));
            assertNoScriptRan(browser);
            browser.screenshot("hostile-device");

            HelpdeskSearchPage byKey = HelpdeskSearchPage.open(browser, keyId);
            assertTrue(byKey.resultsText().contains(hostname));
            assertNoScriptRan(browser);
            browser.clickAndWait(browser.find("#key-recover"));
            assertTrue(browser.find("#recover-intro").getText().contains(hostname));
            assertNoScriptRan(browser);
        }
    }

    private static void assertNoScriptRan(Browser browser) {
        assertEquals(null, browser.script("return window.kwOwned === undefined ? null : window.kwOwned;"));
        assertFalse(browser.has("main img"), "an injected image element");
        assertFalse(browser.has("main b"), "an injected bold element");
        assertFalse(browser.has("main script"), "an injected script element");
    }
}
