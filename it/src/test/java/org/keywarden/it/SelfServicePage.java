package org.keywarden.it;

import org.openqa.selenium.support.ui.Select;

/** {@code /selfservice/}: the notice to accept, the key ID from the recovery screen, a reason; then the key or why not. */
public final class SelfServicePage {

    private final Browser browser;

    SelfServicePage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#selfservice")) {
            throw new AssertionError("not the self-service page: " + browser.path() + " " + browser.find("main").getText());
        }
    }

    public static SelfServicePage open(Browser browser) {
        browser.go("/selfservice/");
        return new SelfServicePage(browser);
    }

    /** Signs in from the self-service URL and returns the page it leads to. */
    public static SelfServicePage signIn(Browser browser, TestUsers.User user) {
        SignInPage page = SignInPage.open(browser, "/selfservice/");
        page.signIn(user.username(), user.password());
        return new SelfServicePage(browser);
    }

    public SelfServicePage accept() {
        if (!browser.find("#recover\\:accepted").isSelected()) {
            browser.find("#recover\\:accepted").click();
        }
        return this;
    }

    public SelfServicePage keyId(String text) {
        browser.find("#recover\\:keyId").clear();
        browser.find("#recover\\:keyId").sendKeys(text);
        return this;
    }

    public SelfServicePage reason(String code) {
        new Select(browser.find("#recover\\:reason")).selectByValue(code);
        return this;
    }

    public SelfServicePage details(String text) {
        browser.find("#recover\\:reasonText").sendKeys(text);
        return this;
    }

    /** Accepts the notice, types the ID and a reason, and asks for the key: the answer is the next page. */
    public SelfServicePage lookUp(String keyIdText) {
        return accept().keyId(keyIdText).reason("BIOS_OR_TPM_CHANGED").submit();
    }

    public SelfServicePage submit() {
        browser.clickAndWait(browser.find("#recover\\:submit"));
        return new SelfServicePage(browser);
    }

    public RecoveredKeyPage submitExpectingKey() {
        browser.clickAndWait(browser.find("#recover\\:submit"));
        return new RecoveredKeyPage(browser);
    }

    /** How the last lookup ended, as the page says it: SHOWN, NOT_FOUND, FULL_ID_NEEDED, LOCKED_OUT, or "". */
    public String outcome() {
        return browser.find("#selfservice").getAttribute("data-outcome");
    }

    public String text(String id) {
        return browser.has("#" + id) ? browser.find("#" + id).getText() : "";
    }

    public String fieldError(String field) {
        return text("recover\\:" + field + "-message");
    }

    public boolean hasForm() {
        return browser.has("#recover\\:keyId");
    }

    /**
     * The page's source without what differs from one answer to the next by design: the view state, the
     * script nonce, and the key ID the user typed (echoed in the message and the field).
     */
    public String sourceWithout(String typedKeyId) {
        return normalized(browser.source(), typedKeyId);
    }

    /** A page's source without its view state, script nonce and the echoed key ID. */
    static String normalized(String source, String typedKeyId) {
        return source
                .replaceAll("(name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\")[^\"]*", "$1")
                .replaceAll("(id=\"[^\"]*ViewState[^\"]*\"[^>]*value=\")[^\"]*", "$1")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"")
                .replaceAll("PrimeFaces\\.csp\\.init\\('[^']*'\\)", "PrimeFaces.csp.init('')")
                .replaceAll("(name=\"primefaces\\.nonce\" value=\")[^\"]*", "$1")
                .replace(typedKeyId, "<typed>");
    }
}
