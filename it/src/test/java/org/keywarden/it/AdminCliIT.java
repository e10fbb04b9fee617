package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keywarden.cli.KeywardenAdmin;
import picocli.CommandLine;

/** The administrator's command line against the real server: encryption status and re-wrap progress. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(91)
class AdminCliIT {

    private final StringWriter output = new StringWriter();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Keywarden.ear();
    }

    @Test
    void showsTheEncryptionStatusAndRunsTheRewrapToTheEnd() {
        assertEquals(0, admin("encryption", "status"), output::toString);
        assertTrue(output.toString().contains("ENCRYPTS"), output::toString);

        assertEquals(0, admin("encryption", "rewrap", "start", "--watch", "0.2"), output::toString);
        assertTrue(output.toString().contains("DONE"), output::toString);
        assertEquals(0, admin("encryption", "rewrap", "status"), output::toString);
        assertTrue(output.toString().matches("(?s).*DONE\\s+(\\d+)/\\1 records.*"), output::toString);
        assertFalse(output.toString().contains(Keywarden.adminPassword()), "the CLI printed the password");
    }

    @Test
    void aWrongPasswordIsAClearErrorWithExitCode1() {
        output.getBuffer().setLength(0);
        int exit = new CommandLine(new KeywardenAdmin(Map.of("KEYWARDEN_ADMIN_PASSWORD", "wrong"), new StringReader("")))
                .setOut(new PrintWriter(output, true)).setErr(new PrintWriter(output, true))
                .execute("--server", Keywarden.baseUrl(), "encryption", "status");
        assertEquals(1, exit, output::toString);
        assertTrue(output.toString().contains("401"), output::toString);
    }

    private int admin(String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "--server";
        args[1] = Keywarden.baseUrl();
        System.arraycopy(command, 0, args, 2, command.length);
        return new CommandLine(new KeywardenAdmin(Map.of("KEYWARDEN_ADMIN_PASSWORD", Keywarden.adminPassword()),
                new StringReader(""))).setOut(new PrintWriter(output, true)).setErr(new PrintWriter(output, true))
                .execute(args);
    }
}
