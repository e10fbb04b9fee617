package org.keywarden.it;

import java.util.List;
import org.openqa.selenium.WebElement;

/** {@code /helpdesk/device?id=}: the device, its volumes and key history. */
public final class DevicePage {

    private final Browser browser;

    DevicePage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#device")) {
            throw new AssertionError("not a device page: " + browser.path());
        }
    }

    public static DevicePage open(Browser browser, String deviceId) {
        browser.go("/helpdesk/device?id=" + deviceId);
        return new DevicePage(browser);
    }

    public String fact(String id) {
        return browser.find("#device-" + id).getText();
    }

    public List<String> users() {
        return browser.findAll(".kw-user-principal").stream().map(WebElement::getText).toList();
    }

    public String keyState(String keyId) {
        return browser.find("tr.kw-key[data-key='" + keyId + "']").getAttribute("data-state");
    }

    public String keyHistory(String keyId) {
        return browser.find("tr.kw-key[data-key='" + keyId + "'] .kw-history").getText();
    }

    public String volumeHeading(String volumeGuid) {
        return browser.find("article[data-volume='" + volumeGuid + "'] h3").getText();
    }

    public List<String> otherRecords() {
        return browser.findAll("#others .kw-device-link").stream().map(WebElement::getText).toList();
    }

    public RecoverPage recover(String keyId) {
        browser.clickAndWait(browser.find("tr.kw-key[data-key='" + keyId + "'] .kw-recover"));
        return new RecoverPage(browser);
    }
}
