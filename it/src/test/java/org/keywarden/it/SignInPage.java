package org.keywarden.it;

import java.util.List;
import org.openqa.selenium.WebElement;

/** The portals' sign-in page. */
public final class SignInPage {

    private final Browser browser;

    SignInPage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#signin\\:username")) {
            throw new AssertionError("not the sign-in page: " + browser.path());
        }
    }

    /** Opens {@code path} while signed out: the portal answers with the sign-in page. */
    public static SignInPage open(Browser browser, String path) {
        browser.go(path);
        return new SignInPage(browser);
    }

    /** Signs in; the browser then shows the page asked for, or this page again with a message. */
    public void signIn(String username, String password) {
        browser.find("#signin\\:username").clear();
        browser.find("#signin\\:username").sendKeys(username);
        browser.find("#signin\\:password").sendKeys(password);
        browser.clickAndWait(browser.find("#signin\\:submit"));
    }

    /** Signs in as a user and returns the helpdesk search page it leads to. */
    public static HelpdeskSearchPage signInToHelpdesk(Browser browser, TestUsers.User user) {
        SignInPage page = open(browser, "/helpdesk/");
        page.signIn(user.username(), user.password());
        return new HelpdeskSearchPage(browser);
    }

    public String message() {
        List<WebElement> messages = browser.findAll("#signin\\:messages li, #signin\\:messages span");
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    public boolean isShown() {
        return browser.has("#signin\\:username");
    }
}
