package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what: anonymous, a device token, a user without roles and each role, against every admin
 * endpoint and every portal page. Each cell is asserted: allowed (the operation's own answer), or
 * refused (401 or the sign-in page for nobody signed in, 403 for a signed-in user without the role).
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(107)
class AuthorizationMatrixIT {

    static final String HELPDESK = "HELPDESK", ADVANCED = "ADVANCED_HELPDESK", VIEWER = "REPORT_VIEWER", ADMIN = "ADMIN";
    static final Set<String> HELPDESK_ROLES = Set.of(HELPDESK, ADVANCED, ADMIN);
    static final Set<String> ADMIN_ONLY = Set.of(ADMIN);
    static final Set<String> REPORT_ROLES = Set.of(VIEWER, ADMIN);
    static final Set<String> ADVANCED_ROLES = Set.of(ADVANCED, ADMIN);
    static final Set<String> EVERY_USER = Set.of("no role", HELPDESK, ADVANCED, VIEWER, ADMIN);


    /** One operation: how to call it, who may, and what "allowed" answers. */
    record Cell(String name, String method, String path, String body, Set<String> allowed, int allowedStatus) {
    }

    static List<Cell> api() {
        String unknownKey = Secrets.guid();
        return List.of(
                new Cell("find keys", "GET", "/api/v1/recovery-keys?hostname=PC-NONE", null, HELPDESK_ROLES, 200),
                new Cell("disclose", "POST", "/api/v1/recovery-keys/" + unknownKey + "/disclosures",
                        "{\"reason\":\"TPM_RESET\",\"endUser\":\"CORP\\\\x\"}", HELPDESK_ROLES, 404),
                new Cell("list users", "GET", "/api/v1/admin/users", null, ADMIN_ONLY, 200),
                new Cell("create user", "POST", "/api/v1/admin/users", "{\"username\":\"\"}", ADMIN_ONLY, 400),
                new Cell("change user", "PUT", "/api/v1/admin/users/nobody-" + unknownKey.substring(0, 8),
                        "{\"disabled\":true}", ADMIN_ONLY, 404),
                new Cell("encryption status", "GET", "/api/v1/admin/encryption", null, ADMIN_ONLY, 200),
                new Cell("re-wrap status", "GET", "/api/v1/admin/encryption/rewrap", null, ADMIN_ONLY, 200),
                new Cell("retire certificate", "DELETE", "/api/v1/admin/encryption/certificates/" + "0".repeat(64), null,
                        ADMIN_ONLY, 404),
                new Cell("TPM owner hash", "POST", "/api/v1/devices/" + unknownKey.toLowerCase() + "/tpm/disclosures",
                        "{\"reason\":\"CLEAR_TPM\"}", ADVANCED_ROLES, 404),
                new Cell("rotate a device", "POST", "/api/v1/admin/devices/" + unknownKey.toLowerCase() + "/rotation",
                        "{\"reason\":\"x\"}", ADVANCED_ROLES, 404),
                new Cell("rotate old keys", "POST", "/api/v1/admin/rotation", "{\"reason\":\"x\"}", ADMIN_ONLY, 400),
                new Cell("audit events", "GET", "/api/v1/audit?limit=1", null, REPORT_ROLES, 200),
                new Cell("audit verification", "GET", "/api/v1/audit/verification", null, REPORT_ROLES, 200),
                new Cell("audit checkpoint", "POST", "/api/v1/audit/checkpoints", null, ADMIN_ONLY, 201),
                new Cell("settings", "GET", "/api/v1/admin/settings", null, ADMIN_ONLY, 200),
                new Cell("change settings", "PUT", "/api/v1/admin/settings", "{\"sessionIdleMinutes\":0}", ADMIN_ONLY, 400),
                new Cell("associate a user", "POST", "/api/v1/admin/devices/" + unknownKey.toLowerCase() + "/users",
                        "{\"principal\":\"CORP\\\\x\"}", ADMIN_ONLY, 404));
    }

    static List<Cell> portal() {
        return List.of(
                new Cell("helpdesk start", "GET", "/helpdesk/", null, HELPDESK_ROLES, 200),
                new Cell("helpdesk search", "GET", "/helpdesk/search?q=PC-NONE", null, HELPDESK_ROLES, 200),
                new Cell("device page", "GET", "/helpdesk/device?id=" + Secrets.guid(), null, HELPDESK_ROLES, 200),
                new Cell("recover page", "GET", "/helpdesk/recover?key=" + Secrets.guid(), null, HELPDESK_ROLES, 200),
                new Cell("TPM page", "GET", "/helpdesk/tpm?device=" + Secrets.guid(), null, HELPDESK_ROLES, 200),
                new Cell("rotate page", "GET", "/helpdesk/rotate?device=" + Secrets.guid(), null, HELPDESK_ROLES, 200),
                new Cell("recovery audit", "GET", "/reports/audit", null, REPORT_ROLES, 200),
                new Cell("audit CSV", "GET", "/reports/audit.csv?outcome=FAILURE", null, REPORT_ROLES, 200),
                new Cell("users page", "GET", "/admin/users", null, ADMIN_ONLY, 200),
                new Cell("user page", "GET", "/admin/user?name=admin", null, ADMIN_ONLY, 200),
                new Cell("settings page", "GET", "/admin/settings", null, ADMIN_ONLY, 200),
                new Cell("associate page", "GET", "/helpdesk/device-user?device=" + Secrets.guid(), null, HELPDESK_ROLES, 200),
                new Cell("self-service", "GET", "/selfservice/", null, EVERY_USER, 200));
    }

    @Test
    void everyCallerGetsExactlyWhatTheirRolesAllow() {
        Map<String, TestUsers.User> users = new LinkedHashMap<>();
        users.put("no role", TestUsers.create());
        for (String role : List.of(HELPDESK, ADVANCED, VIEWER)) {
            users.put(role, TestUsers.create(role));
        }
        users.put(ADMIN, TestUsers.create(ADMIN));
        TestDevice device = TestDevice.enroll();

        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("| operation | anonymous | device token | no role | HELPDESK | "
                + "ADVANCED_HELPDESK | REPORT_VIEWER | ADMIN |\n|---|---|---|---|---|---|---|---|\n");
        for (Cell cell : api()) {
            table.append("| ").append(cell.method()).append(' ').append(cell.name());
            check(wrong, table, cell, "anonymous", call(cell, null), 401);
            check(wrong, table, cell, "device token", call(cell, "Bearer " + device.token), 401);
            for (Map.Entry<String, TestUsers.User> user : users.entrySet()) {
                boolean allowed = cell.allowed().contains(user.getKey());
                check(wrong, table, cell, user.getKey(), call(cell, basic(user.getValue())),
                        allowed ? cell.allowedStatus() : 403);
            }
            table.append(" |\n");
        }
        Map<String, PortalClient> sessions = new LinkedHashMap<>();
        users.forEach((role, user) -> sessions.put(role, PortalClient.signedIn(user)));
        for (Cell cell : portal()) {
            table.append("| page ").append(cell.path().replaceAll("\\?.*", ""));
            check(wrong, table, cell, "anonymous", new PortalClient().get(cell.path()), 302);
            check(wrong, table, cell, "device token", new PortalClient().send(HttpRequest.newBuilder(
                    URI.create(Keywarden.baseUrl() + cell.path())).header("Authorization", "Bearer " + device.token)
                    .GET()), 302);
            for (Map.Entry<String, PortalClient> session : sessions.entrySet()) {
                boolean allowed = cell.allowed().contains(session.getKey());
                Http.Reply reply = session.getValue().get(cell.path());
                check(wrong, table, cell, session.getKey(), reply, allowed ? cell.allowedStatus() : 403);
                if (!allowed && reply.status() == 403 && reply.body().contains("data-outcome")) {
                    wrong.add(cell.name() + " as " + session.getKey() + ": the 403 page shows data");
                }
            }
            table.append(" |\n");
        }
        System.out.println("Authorization matrix (status answered):\n" + table);
        assertEquals(List.of(), wrong, table::toString);
    }

    private static void check(List<String> wrong, StringBuilder table, Cell cell, String who, Http.Reply reply,
            int expected) {
        table.append(" | ").append(reply.status());
        if (reply.status() != expected) {
            wrong.add(cell.name() + " as " + who + ": " + reply.status() + ", expected " + expected);
        } else if (expected == 302 && !String.valueOf(reply.header("Location")).contains("/signin")) {
            wrong.add(cell.name() + " as " + who + ": redirected elsewhere than the sign-in page");
        }
    }

    private static String basic(TestUsers.User user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user.username() + ":" + user.password())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Http.Reply call(Cell cell, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Keywarden.baseUrl() + cell.path()))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(cell.method(), cell.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(cell.body()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request, null);
    }
}
