package org.keywarden.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.WebElement;

/** {@code /helpdesk/} and {@code /helpdesk/search?q=}: the drive recovery search. */
public final class HelpdeskSearchPage {

    private final Browser browser;

    HelpdeskSearchPage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#search #q")) {
            throw new AssertionError("not the helpdesk search: " + browser.path());
        }
    }

    /** Types what the caller reads out and presses Search. */
    public HelpdeskSearchPage search(String query) {
        WebElement box = browser.find("#q");
        box.clear();
        box.sendKeys(query);
        browser.clickAndWait(browser.find("#search-submit"));
        return new HelpdeskSearchPage(browser);
    }

    /** The bookmarkable URL a ticket links to. */
    public static HelpdeskSearchPage open(Browser browser, String query) {
        browser.go("/helpdesk/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return new HelpdeskSearchPage(browser);
    }

    /** key, devices, ambiguous, none, invalid or idle. */
    public String outcome() {
        return browser.has("#results") ? browser.find("#results").getAttribute("data-outcome") : "idle";
    }

    public String resultsText() {
        return browser.find("#results").getText();
    }

    /** Hostnames of the devices listed, top to bottom, and their enrolled-at texts. */
    public List<String> deviceLinks() {
        return browser.findAll("#devices .kw-device-link").stream().map(WebElement::getText).toList();
    }

    public List<String> enrolledColumn() {
        return browser.findAll("#devices tbody tr td:nth-child(4)").stream().map(WebElement::getText).toList();
    }

    public DevicePage openDevice(int index) {
        browser.clickAndWait(browser.findAll("#devices .kw-device-link").get(index));
        return new DevicePage(browser);
    }

    public RecoverPage recoverFoundKey() {
        browser.clickAndWait(browser.find("#key-recover"));
        return new RecoverPage(browser);
    }

    public DevicePage openFoundKeysDevice() {
        browser.clickAndWait(browser.find("#key-device"));
        return new DevicePage(browser);
    }
}
