package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A helpdesk user leaves the portal open: before the idle timeout the page warns, and "stay signed in"
 * keeps the session; left alone again, the session ends on the server and the page goes to the sign-in
 * page (the page signs out, so the server never outlives the page's countdown). The build shortens the idle timeout (KEYWARDEN_SESSION_IDLE_MINUTES in it/pom.xml).
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(111)
class AnIdleSessionEndsAfterAWarningIT {

    @Test
    void theWarningComesStaySignedInKeepsTheSessionAndThenItEnds() {
        double idleMinutes = Double.parseDouble(System.getProperty("keywarden.test.session.idle.minutes", "5"));
        Duration idle = Duration.ofMillis(Math.round(idleMinutes * 60_000));
        try (Browser browser = Browser.open()) {
            TestUsers.User user = TestUsers.create("HELPDESK");
            SignInPage.signInToHelpdesk(browser, user);
            WebDriverWait untilWarned = new WebDriverWait(browser.driver, idle.plusSeconds(10));
            untilWarned.until(d -> "shown".equals(d.findElement(By.id("idle-timer")).getAttribute("data-warning")));
            assertTrue(browser.find("#idle-warning-text").isDisplayed());
            int secondsLeft = Integer.parseInt(browser.find("#idle-warning-text").getText().replaceAll("\\D", ""));
            assertTrue(secondsLeft > 0 && secondsLeft <= 60, "seconds left: " + secondsLeft);
            browser.screenshot("idle-warning");

            browser.find("#stay-signed-in").click();
            browser.waiting().until(d -> d.findElement(By.id("idle-timer")).getAttribute("data-warning") == null);
            assertEquals("/helpdesk/", browser.path(), "still on the page, still signed in");

            untilWarned.until(d -> "shown".equals(d.findElement(By.id("idle-timer")).getAttribute("data-warning")));
            new WebDriverWait(browser.driver, idle.plusSeconds(30))
                    .until(d -> !d.findElements(By.id("signin-expired")).isEmpty());
            browser.go("/helpdesk/");
            assertTrue(new SignInPage(browser).isShown(), "the session ended on the server too");
            // the server's timer or the page's sign-out ends it, whichever comes first: never as the user's own sign-out
            assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'SIGN_OUT' "
                    + "AND detail IS NULL", "user:" + user.username()), "an idle end is not audited as a sign-out");
        }
    }

    /**
     * An administrator lengthens the idle timeout while a helpdesk user is signed in: that session keeps the
     * timeout it was given at sign-in, and its page counts from the same value as the server; the next sign-in
     * gets the new one.
     */
    @Test
    void aChangedIdleTimeoutAppliesFromTheNextSignIn() {
        double idleMinutes = Double.parseDouble(System.getProperty("keywarden.test.session.idle.minutes", "5"));
        long idleSeconds = Math.round(idleMinutes * 60);
        TestUsers.User user = TestUsers.create("HELPDESK");
        try (Browser before = Browser.open()) {
            SignInPage.signInToHelpdesk(before, user);
            changeIdleMinutes(30);
            try (Browser after = Browser.open()) {
                before.go("/helpdesk/");
                assertEquals(String.valueOf(idleSeconds), before.find("#idle-timer").getAttribute("data-idle-seconds"),
                        "the session signed in before the change keeps its timeout");
                SignInPage.signInToHelpdesk(after, user);
                assertEquals("1800", after.find("#idle-timer").getAttribute("data-idle-seconds"), "a new sign-in gets the new one");
            } finally {
                changeIdleMinutes(idleMinutes);
            }
        }
    }

    private static void changeIdleMinutes(double minutes) {
        Http.Reply changed = Http.send(Http.asUser("/admin/settings", "admin", Keywarden.adminPassword())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sessionIdleMinutes\": " + minutes + "}")), null);
        assertEquals(200, changed.status(), changed::toString);
    }

    /**
     * Two tabs of one session: one left alone runs out while the other is in use. Its idle sign-out must not
     * end the session the other tab works in (each page counts from its own loading; the server knows the
     * last request of any): the answer is the seconds left, and nothing is loaded. A sign-out by the user then
     * ends it, audited without the idle detail.
     */
    @Test
    void aTabThatRunsOutWhileAnotherIsInUseKeepsTheSession() {
        try (Browser browser = Browser.open()) {
            TestUsers.User user = TestUsers.create("HELPDESK");
            SignInPage.signInToHelpdesk(browser, user);
            // what the page asks when its countdown ends, now, while the session was just used by this "tab"
            Object answer = browser.script("return fetch(document.getElementById('signout').getAttribute('action'), "
                    + "{method: 'POST', credentials: 'same-origin', headers: {'Content-Type': "
                    + "'application/x-www-form-urlencoded'}, body: 'reason=idle'})"
                    + ".then(r => r.text().then(t => r.status + ' ' + t));");
            String[] statusAndSeconds = String.valueOf(answer).split(" ");
            assertEquals("200", statusAndSeconds[0], "not idle: the seconds left, " + answer);
            double idleMinutes = Double.parseDouble(System.getProperty("keywarden.test.session.idle.minutes", "5"));
            long left = Long.parseLong(statusAndSeconds[1]);
            assertTrue(left > 5 && left <= Math.round(idleMinutes * 60), "seconds left: " + answer);
            browser.go("/helpdesk/");
            assertFalse(browser.has("#signin\\:username"), "the session is still there for the tab in use");
            assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'SIGN_OUT'",
                    "user:" + user.username()), "no sign-out was audited");

            browser.clickAndWait(browser.find("#signout-submit"));
            assertTrue(new SignInPage(browser).isShown(), "signed out: " + browser.path());
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'SIGN_OUT' "
                    + "AND detail IS NULL", "user:" + user.username()), "the user's own sign-out, without the idle detail");
        }
    }
}
