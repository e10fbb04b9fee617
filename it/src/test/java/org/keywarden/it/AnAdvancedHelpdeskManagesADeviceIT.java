package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * An advanced helpdesk user, on one device's pages: reads the TPM owner hash (with a TPM reason),
 * downloads a key package for repair-bde, and asks the device to rotate a key now; each audited. A plain
 * helpdesk user is offered none of it and is refused if they try.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(109)
class AnAdvancedHelpdeskManagesADeviceIT {

    @Test
    void tpmOwnerHashKeyPackageAndRotateNow() throws Exception {
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String keyPackage = Secrets.keyPackage();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", keyId, Secrets.recoveryPassword())
                .add("keyPackage", keyPackage)).status());
        Map<String, String> other = device.escrowNewKey("FIXED");
        String tpmHash = Secrets.tpmHash();
        assertEquals(204, Http.put(device.path("/tpm"), Json.createObjectBuilder().add("ownerAuthHash", tpmHash)
                .add("reportedAt", Instant.now().toString()).build().toString(), device.token).status());

        try (Browser browser = Browser.open()) {
            SignInPage.signInToHelpdesk(browser, TestUsers.create("ADVANCED_HELPDESK"));
            DevicePage page = DevicePage.open(browser, device.id);
            browser.clickAndWait(browser.find("#tpm-link"));
            new Select(browser.find("#tpm\\:reason")).selectByValue("OTHER");
            browser.clickAndWait(browser.find("#tpm\\:submit"));
            assertFalse(browser.find("#tpm\\:reasonText-message").getText().isBlank(), "OTHER needs details");
            new Select(browser.find("#tpm\\:reason")).selectByValue("CLEAR_TPM");
            browser.script("document.body.setAttribute('data-ready', 'leaving');");
            browser.find("#tpm\\:submit").click();
            browser.waiting().until(d -> !browser.findAll("#tpm-owner-hash").isEmpty());
            assertEquals(tpmHash, browser.find("#tpm-owner-hash").getText());

            DevicePage.open(browser, device.id).recover(keyId).reason("LOST_STARTUP_KEY");
            browser.find("#recover\\:keyPackage").click();
            Path file = browser.awaitDownload("KeyPackage-" + keyId + ".kpg");
            assertArrayEquals(Base64.getDecoder().decode(keyPackage), Files.readAllBytes(file));

            page = DevicePage.open(browser, device.id);
            browser.clickAndWait(browser.find("tr.kw-key[data-key='" + other.get("recoveryKeyId") + "'] .kw-rotate"));
            browser.find("#rotate\\:reason").sendKeys("Laptop returned by a leaving employee");
            browser.clickAndWait(browser.find("#rotate\\:submit"));
            page = new DevicePage(browser);
            assertTrue(browser.find("#rotated").getText().contains("1"), () -> browser.find("#rotated").getText());
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'TPM_OWNER_HASH_DISCLOSED' "
                + "AND outcome = 'SUCCESS' AND device_id = ? AND reason = 'CLEAR_TPM'", device.id));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'SUCCESS' AND recovery_key_id = ? AND detail LIKE '%with key package'", keyId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ROTATION_REQUESTED' "
                + "AND recovery_key_id = ? AND reason = 'Laptop returned by a leaving employee'", other.get("recoveryKeyId")));
        String actions = device.checkIn(TestDevice.status(volume, keyId)).json().getJsonArray("actions").toString();
        assertTrue(actions.contains(other.get("recoveryKeyId")) && actions.contains(keyId), actions);
    }

    @Test
    void aPlainHelpdeskUserIsOfferedNeitherTpmNorKeyPackageNorRotation() {
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", keyId, Secrets.recoveryPassword())
                .add("keyPackage", Secrets.keyPackage())).status());
        assertEquals(204, Http.put(device.path("/tpm"), Json.createObjectBuilder().add("ownerAuthHash", Secrets.tpmHash())
                .add("reportedAt", Instant.now().toString()).build().toString(), device.token).status());
        try (Browser browser = Browser.open()) {
            SignInPage.signInToHelpdesk(browser, TestUsers.create("HELPDESK"));
            DevicePage.open(browser, device.id);
            assertFalse(browser.has("#tpm-link") || browser.has(".kw-rotate") || browser.has("#rotate-all"));
            browser.go("/helpdesk/tpm?device=" + device.id);
            assertTrue(browser.has("#tpm-not-allowed") && !browser.has("#tpm\\:submit"));
            browser.go("/helpdesk/rotate?device=" + device.id);
            assertTrue(browser.has("#rotate-not-allowed") && !browser.has("#rotate\\:submit"));
            browser.go("/helpdesk/recover?key=" + keyId);
            assertFalse(browser.has("#recover\\:keyPackage"));
        }
    }
}
