package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone guesses passwords: five failed sign-ins for one name lock that name for 15 minutes, in the
 * portal and on the API alike, whether the name exists or not (the same answers); then even the right
 * password is refused. Every failure and the lockout are audited.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(103)
class FailedSignInsLockTheNameIT {

    @Test
    void fiveWrongPasswordsLockAnExistingNameAndAnUnknownOneAlike() {
        TestUsers.User user = TestUsers.create("HELPDESK");
        String unknown = "nobody-" + Secrets.guid().substring(0, 8).toLowerCase(java.util.Locale.ROOT);
        try (Browser browser = Browser.open()) {
            SignInPage page = SignInPage.open(browser, "/helpdesk/");
            String invalid = null;
            for (int attempt = 1; attempt <= 5; attempt++) {
                page.signIn(user.username(), "wrong-password-" + attempt);
                page = new SignInPage(browser);
                invalid = attempt == 1 ? page.message() : invalid;
                if (attempt < 5) {
                    assertEquals(invalid, page.message(), "attempt " + attempt);
                }
            }
            String locked = page.message();
            browser.screenshot("signin-locked");
            assertTrue(!locked.isBlank() && !locked.equals(invalid), locked);
            page.signIn(user.username(), user.password());
            page = new SignInPage(browser);
            assertEquals(locked, page.message(), "locked: even the right password is refused");

            for (int attempt = 1; attempt <= 5; attempt++) {
                page.signIn(unknown, "wrong-password-" + attempt);
                page = new SignInPage(browser);
                assertEquals(attempt < 5 ? invalid : locked, page.message(), "unknown name, attempt " + attempt);
            }
        }
        Http.Reply api = Http.send(Http.asUser("/recovery-keys?hostname=PC-1", user.username(), user.password()).GET(), null);
        ProblemAssert.assertProblem(api, 429);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_LOCKED_OUT' AND actor = ?",
                "user:" + user.username()));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_LOCKED_OUT' AND actor = ?",
                "user:" + unknown));
        assertEquals(5, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN' AND outcome = 'FAILURE' "
                + "AND actor = ? AND detail LIKE 'PORTAL: unknown user%'", "user:" + user.username()));
        assertTrue(Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN' AND outcome = 'FAILURE' "
                + "AND actor = ? AND detail LIKE '%locked%'", "user:" + user.username()) >= 2);
    }

    @Test
    void wrongPasswordsOnTheApiLockTheNameToo() {
        // the fifth failure locks the name: 429 from then on, with Retry-After
        TestUsers.User user = TestUsers.create("HELPDESK");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Http.Reply reply = Http.send(Http.asUser("/recovery-keys?hostname=PC-1", user.username(), "bad-" + attempt)
                    .GET(), null);
            ProblemAssert.assertProblem(reply, attempt < 5 ? 401 : 429);
        }
        ProblemAssert.assertProblem(Http.send(Http.asUser("/recovery-keys?hostname=PC-1", user.username(),
                user.password()).GET(), null), 429);
    }

    @Test
    void aFloodOfWrongPasswordsIsCappedWith429InsteadOfTakingEveryCore() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(48);
        try {
            // built-in users, four wrong passwords each (one short of the lockout): with a directory configured,
            // names Keywarden does not know are the directory's to check
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                names.add(TestUsers.create().username());
            }
            java.util.List<java.util.concurrent.Future<Http.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String name = names.get(i % names.size());
                replies.add(pool.submit(() -> Http.send(Http.asUser("/recovery-keys?hostname=PC-1", name, "wrong").GET(),
                        null)));
            }
            int refused = 0;
            for (java.util.concurrent.Future<Http.Reply> reply : replies) {
                Http.Reply answer = reply.get();
                assertTrue(answer.status() == 401 || answer.status() == 429, answer::toString);
                if (answer.status() == 429) {
                    refused++;
                    assertEquals("1", answer.header("Retry-After"));
                }
            }
            assertTrue(refused > 0, "48 password checks at once on " + Runtime.getRuntime().availableProcessors()
                    + " cores: some must be refused with 429");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBasicHeaderOnAnEndpointThatNeedsNoSignInIsNotChecked() {
        String name = "probe-" + Secrets.guid().substring(0, 8);
        for (int attempt = 1; attempt <= 7; attempt++) {
            Http.Reply health = Http.send(HttpRequest.newBuilder(java.net.URI.create(Keywarden.api("/health")))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (name + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET(), null);
            assertEquals(200, health.status());
        }
        assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ?", "user:" + name));
    }
}
