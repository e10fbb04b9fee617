package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator manages users over the admin API: create (name rules, password rules, known roles,
 * unique names), change roles, reset a password, disable; never the last enabled administrator. Audited,
 * and no answer or audit row holds a password or its hash.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(108)
class UsersApiIT {

    @Test
    void anAdministratorCreatesChangesAndDisablesAUser() {
        String name = "CORP\\helpdesk-" + Secrets.guid().substring(0, 6).toLowerCase(java.util.Locale.ROOT);
        String password = "first-password-" + Secrets.guid().substring(0, 4);
        Http.Reply created = post("{\"username\":\"" + name.replace("\\", "\\\\") + "\",\"password\":\"" + password
                + "\",\"roles\":[\"HELPDESK\"]}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("[\"HELPDESK\"]", created.json().getJsonArray("roles").toString());
        ProblemAssert.assertProblem(post("{\"username\":\"" + name.replace("\\", "\\\\") + "\",\"password\":\"another-password-1\"}"), 409);

        JsonObject listed = Http.send(Http.asUser("/admin/users", "admin", Keywarden.adminPassword()).GET(), null).json()
                .getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals(name)).findFirst().orElseThrow();
        assertEquals("BUILT_IN", listed.getString("source"));
        assertFalse(listed.toString().contains("PBKDF2") || listed.toString().contains(password));
        assertEquals(200, findKeys(name, password).status(), "the new helpdesk user may search");

        Http.Reply changed = put(name, "{\"roles\":[\"REPORT_VIEWER\"],\"password\":\"second-password-22\"}");
        assertEquals(200, changed.status(), changed::toString);
        ProblemAssert.assertProblem(findKeys(name, "second-password-22"), 403);
        ProblemAssert.assertProblem(findKeys(name, password), 401);

        assertEquals(200, put(name, "{\"disabled\":true}").status());
        ProblemAssert.assertProblem(findKeys(name, "second-password-22"), 401);
        assertTrue(Database.count("SELECT COUNT(*) FROM audit_event WHERE action IN ('USER_CREATED', 'USER_CHANGED') "
                + "AND detail LIKE ?", "user " + name.replace("\\", "\\\\") + "%") >= 3, "LIKE escapes with a backslash");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ? OR detail LIKE ?",
                "%" + password + "%", "%second-password-22%"));
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        ProblemAssert.assertInvalidField(post("{\"username\":\"<script>\",\"password\":\"long-enough-password\"}"), "username");
        ProblemAssert.assertInvalidField(post("{\"username\":\"CORP\\\\\",\"password\":\"long-enough-password\"}"), "username");
        ProblemAssert.assertInvalidField(post("{\"username\":\"shorty\",\"password\":\"too-short\"}"), "password");
        ProblemAssert.assertInvalidField(post("{\"username\":\"samesame12345\",\"password\":\"samesame12345\"}"), "password");
        ProblemAssert.assertInvalidField(post("{\"username\":\"roleless1\",\"password\":\"long-enough-password\","
                + "\"roles\":[\"ROOT\"]}"), "roles");
        ProblemAssert.assertInvalidField(post("{\"password\":\"long-enough-password\"}"), "username");
        ProblemAssert.assertProblem(put("nobody-" + Secrets.guid().substring(0, 8), "{\"disabled\":true}"), 404);
        ProblemAssert.assertInvalidField(put("admin", "{\"roles\":[\"KING\"]}"), "roles");
    }

    @Test
    void theLastEnabledAdministratorCanBeNeitherDisabledNorDemoted() {
        for (JsonObject user : Http.send(Http.asUser("/admin/users", "admin", Keywarden.adminPassword()).GET(), null)
                .json().getJsonArray("users").getValuesAs(JsonObject.class)) {
            boolean admin = user.getJsonArray("roles").toString().contains("\"ADMIN\"");
            if (admin && !user.getBoolean("disabled") && !user.getString("username").equals("admin")) {
                assertEquals(200, put(user.getString("username"), "{\"disabled\":true}").status());
            }
        }
        ProblemAssert.assertProblem(put("admin", "{\"disabled\":true}"), 409);
        ProblemAssert.assertProblem(put("admin", "{\"roles\":[\"HELPDESK\"]}"), 409);
        assertEquals(200, put("admin", "{\"roles\":[\"ADMIN\",\"HELPDESK\"]}").status());
        assertEquals(200, put("admin", "{\"roles\":[\"ADMIN\"]}").status());
    }

    private static Http.Reply findKeys(String username, String password) {
        return Http.send(Http.asUser("/recovery-keys?hostname=PC-NONE", username, password).GET(), null);
    }

    private static Http.Reply post(String json) {
        return Http.send(Http.asUser("/admin/users", "admin", Keywarden.adminPassword())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), null);
    }

    private static Http.Reply put(String username, String json) {
        return Http.send(Http.asUser("/admin/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                .replace("+", "%20"), "admin", Keywarden.adminPassword()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), null);
    }
}
