package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A helpdesk whose browser asks for German gets the portal in German, from sign-in to the shown key. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(104)
class GermanHelpdeskIT {

    @Test
    void theWholeRecoveryIsInGerman() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        try (Browser browser = Browser.open("de")) {
            SignInPage signIn = SignInPage.open(browser, "/helpdesk/");
            assertEquals("de", browser.find("html").getAttribute("lang"));
            assertTrue(browser.find("main").getText().contains("Anmelden"), () -> browser.find("main").getText());
            browser.screenshot("de-signin");
            signIn.signIn("admin", Keywarden.adminPassword());
            HelpdeskSearchPage search = new HelpdeskSearchPage(browser).search(key.get("recoveryKeyId").substring(0, 8));
            assertTrue(browser.find("#search label").getText().contains("Wiederherstellungsschlüssel-ID"));
            RecoverPage recover = search.recoverFoundKey();
            assertTrue(browser.find("label[for='recover:reason']").getText().equals("Grund"));
            RecoveredKeyPage shown = recover.reason("TPM_RESET").submitExpectingKey();
            assertEquals(key.get("recoveryPassword"), shown.password());
            assertTrue(shown.rotationNotice().contains("ersetzen"), shown::rotationNotice);
            browser.screenshot("de-recovered-key");
            shown.hide();
        }
    }
}
