package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The OpenLDAP test directory the build starts (server-config/ldap/test-directory.sh): its users, and
 * stopping and resuming it in the middle of a test.
 */
final class TestDirectory {

    static final String ALICE = "dir.alice";
    static final String ALICE_PASSWORD = "alice-password-for-tests";
    static final String ALICE_UPN = "dir.alice@corp.example";
    /** Member of "Keywarden Helpdesk", which the build maps to HELPDESK. */
    static final String HANK = "dir.hank";
    static final String HANK_PASSWORD = "hank-password-for-tests";
    /** Locked in the directory (pwdAccountLockedTime): the directory refuses every bind of it. */
    static final String CAROL = "dir.carol";
    static final String CAROL_PASSWORD = "carol-password-for-tests";

    private TestDirectory() {
    }

    static void stop() {
        run("stop");
    }

    static void resume() {
        run("resume");
    }

    private static void run(String command) {
        try {
            Process process = new ProcessBuilder(System.getProperty("keywarden.test.ldap.script"), command,
                    System.getProperty("keywarden.test.ldap.dir")).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("test-directory.sh " + command + " did not end");
            }
            assertEquals(0, process.exitValue(), "test-directory.sh " + command);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
