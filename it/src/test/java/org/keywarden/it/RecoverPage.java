package org.keywarden.it;

import org.openqa.selenium.support.ui.Select;

/** {@code /helpdesk/recover?key=}: reason, end user and details, then the key. */
public final class RecoverPage {

    private final Browser browser;

    RecoverPage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#recover\\:reason")) {
            throw new AssertionError("not the recover page: " + browser.path());
        }
    }

    public RecoverPage reason(String code) {
        new Select(browser.find("#recover\\:reason")).selectByValue(code);
        return this;
    }

    public RecoverPage endUser(String name) {
        browser.find("#recover\\:endUser").clear();
        browser.find("#recover\\:endUser").sendKeys(name);
        return this;
    }

    public RecoverPage details(String text) {
        browser.find("#recover\\:reasonText").sendKeys(text);
        return this;
    }

    /** Submits; the browser then shows the key, or this page again with what is missing. */
    public void submit() {
        browser.clickAndWait(browser.find("#recover\\:submit"));
    }

    public RecoveredKeyPage submitExpectingKey() {
        submit();
        return new RecoveredKeyPage(browser);
    }

    public RecoverPage submitExpectingRefusal() {
        submit();
        return new RecoverPage(browser);
    }

    public String fieldError(String field) {
        String id = "#recover\\:" + field + "-message";
        return browser.has(id) ? browser.find(id).getText() : "";
    }
}
