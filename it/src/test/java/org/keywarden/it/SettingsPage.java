package org.keywarden.it;

/** {@code /admin/settings}: texts per language, the notice switch, times and lockouts. */
public final class SettingsPage {

    private final Browser browser;

    SettingsPage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#settings-page")) {
            throw new AssertionError("not the settings page: " + browser.path());
        }
    }

    public static SettingsPage open(Browser browser) {
        browser.go("/admin/settings");
        return new SettingsPage(browser);
    }

    /** Sets one field, e.g. {@code text("helpdeskUrl", "de", "https://...")}; an empty value clears it. */
    public SettingsPage text(String field, String language, String value) {
        return field(field + "-" + language, value);
    }

    public SettingsPage field(String id, String value) {
        String selector = "#settings\\:" + id;
        browser.find(selector).clear();
        browser.find(selector).sendKeys(value);
        return this;
    }

    public SettingsPage save() {
        browser.clickAndWait(browser.find("#settings\\:submit"));
        return new SettingsPage(browser);
    }

    public boolean saved() {
        return browser.has("#saved");
    }

    public String fieldError(String id) {
        String selector = "#settings\\:" + id + "-message";
        return browser.has(selector) ? browser.find(selector).getText() : "";
    }
}
