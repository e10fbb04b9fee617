package org.keywarden.it;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The answer to the recover POST: the recovery password in 8 groups, copy and hide, the rotation notice. */
public final class RecoveredKeyPage {

    private final Browser browser;

    RecoveredKeyPage(Browser browser) {
        this.browser = browser;
        if (!browser.has("#shown-key")) {
            throw new AssertionError("no key shown: " + browser.path() + " " + browser.find("main").getText());
        }
    }

    public List<String> groups() {
        return browser.findAll("#recovery-password .kw-group").stream().map(WebElement::getText).toList();
    }

    public String password() {
        return String.join("-", groups());
    }

    public String keyIdLine() {
        return browser.find("#recovered-key-id").getText();
    }

    public String rotationNotice() {
        return browser.find("#rotation-notice").getText();
    }

    public String fontFamily() {
        return browser.find("#recovery-password").getCssValue("font-family");
    }

    public void hide() {
        browser.find("#hide-key").click();
        awaitHidden(Duration.ofSeconds(5));
    }

    /** Waits for the page's own signal that the key was taken off the page. */
    public void awaitHidden(Duration atMost) {
        new WebDriverWait(browser.driver, atMost).until(d -> "hidden".equals(
                d.findElement(org.openqa.selenium.By.tagName("body")).getAttribute("data-key")));
    }

    /** Whether the page still holds the password: all of its 8 groups, in the source or the text shown. */
    public boolean isKeyInPage(String password) {
        String source = browser.source();
        String text = browser.find("body").getText();
        return java.util.Arrays.stream(password.split("-")).allMatch(g -> source.contains(g) || text.contains(g));
    }

    public boolean hiddenNoticeShown() {
        return browser.find("#key-hidden").isDisplayed();
    }
}
