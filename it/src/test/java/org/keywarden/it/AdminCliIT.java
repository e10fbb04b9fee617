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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keywarden.cli.KeywardenAdmin;
import picocli.CommandLine;

/** The administrator's command line against the real server: encryption status and re-wrap progress. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(91)
class AdminCliIT {

    private final StringWriter output = new StringWriter();


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

    @Test
    void managesUsersRotatesADeviceListsExportsAndVerifiesTheAudit() throws Exception {
        String name = "cli-" + Secrets.guid().substring(0, 8).toLowerCase(java.util.Locale.ROOT);
        assertEquals(0, adminWithInput("long-enough-password-1\n", "users", "add", name, "--role", "HELPDESK"), output::toString);
        assertEquals(0, admin("users", "set-roles", name, "HELPDESK", "REPORT_VIEWER"), output::toString);
        assertEquals(0, admin("users", "list"), output::toString);
        assertTrue(output.toString().matches("(?s).*" + name + "\\s+HELPDESK,REPORT_VIEWER\\s+enabled.*"), output::toString);
        assertEquals(0, admin("users", "disable", name), output::toString);
        assertEquals("true", String.valueOf(Database.single("SELECT disabled FROM app_user WHERE username = ?", name)));
        assertFalse(output.toString().contains("long-enough-password-1"), "the CLI printed a password");

        TestDevice device = TestDevice.enroll();
        device.escrowNewKey("OS");
        assertEquals(0, admin("devices", "rotate", device.id, "--reason", "handed to a new employee"), output::toString);
        assertTrue(output.toString().contains("Rotation requested for 1 key(s)"), output::toString);
        assertEquals(1, device.checkIn(TestDevice.status(Secrets.guid())).json().getJsonArray("actions").size());

        assertEquals(0, admin("audit", "list", "--device", device.id), output::toString);
        assertTrue(output.toString().contains("ROTATION_REQUESTED"), output::toString);
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("audit", ".csv");
        assertEquals(0, admin("audit", "export", "--device", device.id, "--output", csv.toString()), output::toString);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("id,at,actor") && lines.size() >= 3, lines::toString);
        assertEquals(0, admin("audit", "verify"), output::toString);
        assertTrue(output.toString().contains("Audit trail intact"), output::toString);
    }

    private int adminWithInput(String input, String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "--server";
        args[1] = Keywarden.baseUrl();
        System.arraycopy(command, 0, args, 2, command.length);
        return new CommandLine(new KeywardenAdmin(Map.of("KEYWARDEN_ADMIN_PASSWORD", Keywarden.adminPassword()),
                new StringReader(input))).setOut(new PrintWriter(output, true)).setErr(new PrintWriter(output, true))
                .execute(args);
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
