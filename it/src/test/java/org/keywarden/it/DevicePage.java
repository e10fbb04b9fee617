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

    /** The device ids the links to the other records of this computer lead to. */
    public List<String> otherRecordIds() {
        return browser.findAll("#others .kw-device-link").stream().map(a -> a.getAttribute("href"))
                .map(href -> href.replaceFirst(".*[?&]id=([^&]+).*", "$1")).toList();
    }

    public RecoverPage recover(String keyId) {
        browser.clickAndWait(browser.find("tr.kw-key[data-key='" + keyId + "'] .kw-recover"));
        return new RecoverPage(browser);
    }

    /** Who said the user is associated (AGENT or ADMIN), or "" when the user is not listed. */
    public String userSource(String principal) {
        return row(principal).map(r -> r.findElements(org.openqa.selenium.By.tagName("td")).get(1).getText()).orElse("");
    }

    private java.util.Optional<WebElement> row(String principal) {
        return browser.findAll("#users tbody tr").stream()
                .filter(r -> r.findElements(org.openqa.selenium.By.cssSelector(".kw-user-principal")).stream()
                        .anyMatch(p -> p.getText().equals(principal))).findFirst();
    }

    /** Administrators: associates the user on the device-user page, back to this page. */
    public DevicePage associate(String principal) {
        browser.clickAndWait(browser.find("#associate-user"));
        browser.find("#associate\\:principal").sendKeys(principal);
        browser.clickAndWait(browser.find("#associate\\:submit"));
        return new DevicePage(browser);
    }

    /** Administrators: removes the user's association after confirming it, back to this page. */
    public DevicePage removeAssociation(String principal) {
        browser.clickAndWait(row(principal).orElseThrow().findElement(org.openqa.selenium.By.cssSelector(".kw-remove-user")));
        browser.clickAndWait(browser.find("#associate\\:submit"));
        return new DevicePage(browser);
    }
}
