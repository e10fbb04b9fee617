package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A report viewer reviews who recovered which key: the recovery audit lists the helpdesk's portal
 * disclosure with its source and end user, filters it, pages, exports it as CSV; the verification proves
 * the trail, names an event changed by SQL, and, against a signed checkpoint, finds the newest event of a
 * chain deleted with its head rewound. With the audit table unwritable a disclosure shows no key.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(112)
class TheRecoveryAuditShowsAndProvesEveryDisclosureIT {

    @Test
    void aPortalDisclosureIsListedFilteredPagedAndExported() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        String endUser = "CORP\\audited-" + Secrets.guid().substring(0, 6).toLowerCase(java.util.Locale.ROOT);
        TestUsers.User helpdesk = TestUsers.create("HELPDESK");
        try (Browser browser = Browser.open()) {
            SignInPage.signInToHelpdesk(browser, helpdesk);
            DevicePage.open(browser, device.id).recover(key.get("recoveryKeyId")).reason("BIOS_CHANGED").endUser(endUser)
                    .submitExpectingKey();
        }
        TestUsers.User viewer = TestUsers.create("REPORT_VIEWER");
        try (Browser browser = Browser.open()) {
            SignInPage signIn = SignInPage.open(browser, "/reports/audit?endUser=" + URLEncoder.encode(endUser,
                    StandardCharsets.UTF_8));
            signIn.signIn(viewer.username(), viewer.password());
            List<String> rows = browser.findAll("#events tbody tr").stream().map(r -> r.getText()).toList();
            assertEquals(1, rows.size(), rows::toString);
            assertTrue(rows.get(0).contains("KEY_DISCLOSED") && rows.get(0).contains("HELPDESK_PORTAL")
                    && rows.get(0).contains(helpdesk.username()) && rows.get(0).contains("BIOS_CHANGED"), rows.get(0));
            assertFalse(browser.source().contains(key.get("recoveryPassword")));
            browser.screenshot("audit-report");

            String csvPath = browser.find("#csv").getAttribute("href").substring(Keywarden.baseUrl().length());
            Http.Reply csv = PortalClient.signedIn(viewer).get(csvPath);
            assertEquals(200, csv.status());
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            String[] lines = csv.body().split("\r\n");
            assertEquals("id,at,actor,source,action,outcome,deviceId,volumeId,recoveryKeyId,endUser,reason,detail,"
                    + "remoteAddress", lines[0]);
            assertEquals(2, lines.length, csv.body());
            assertTrue(lines[1].contains(",HELPDESK_PORTAL,KEY_DISCLOSED,SUCCESS,") && lines[1].contains(endUser), lines[1]);

            browser.go("/reports/audit?outcome=BOGUS");
            assertTrue(browser.has("#filter-invalid"));
        }

        Http.Reply api = audit("/audit?endUser=" + URLEncoder.encode(endUser, StandardCharsets.UTF_8), "application/json");
        assertEquals(200, api.status(), api::toString);
        JsonObject event = api.json().getJsonArray("events").getJsonObject(0);
        assertEquals("HELPDESK_PORTAL", event.getString("source"));
        assertEquals(endUser, event.getString("endUser"));
        assertEquals(key.get("recoveryKeyId"), event.getString("recoveryKeyId"));

        Http.Reply first = audit("/audit?deviceId=" + device.id + "&limit=1", "application/json");
        String next = first.json().getString("next");
        Http.Reply second = audit("/audit?deviceId=" + device.id + "&limit=1&cursor=" + next, "application/json");
        assertTrue(second.json().getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue()
                != first.json().getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue());
        Http.Reply csvApi = audit("/audit?deviceId=" + device.id, "text/csv");
        assertTrue(csvApi.contentType().startsWith("text/csv") && csvApi.body().startsWith("id,at,actor"), csvApi::toString);
        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=x", "limit"}, {"source=MAGIC", "source"},
                {"from=yesterday", "from"}, {"cursor=nope", "cursor"}, {"outcome=MAYBE", "outcome"}}) {
            ProblemAssert.assertInvalidField(audit("/audit?" + bad[0], "application/json"), bad[1]);
        }
    }

    @Test
    void theVerificationNamesAChangedEventAndFindsATruncatedChainAgainstTheSignedCheckpoint() throws Exception {
        TestDevice device = TestDevice.enroll();
        device.escrowNewKey("OS");
        device.escrowNewKey("FIXED");
        assertTrue(verification().getBoolean("intact"), () -> verification().toString());

        long changed = Database.count("SELECT MAX(event_id) FROM audit_event WHERE device_id = ? AND action = 'KEY_ESCROW'",
                device.id);
        String reason = Database.text("SELECT detail FROM audit_event WHERE event_id = ?", changed);
        update("UPDATE audit_event SET detail = 'nothing to see' WHERE event_id = ?", changed);
        JsonObject tampered = verification();
        assertFalse(tampered.getBoolean("intact"));
        assertEquals(changed, tampered.getJsonNumber("firstBrokenEventId").longValue(), tampered::toString);
        update("UPDATE audit_event SET detail = ? WHERE event_id = ?", reason, changed);
        assertTrue(verification().getBoolean("intact"));

        // after a signed checkpoint, the newest event of the device's chain deleted and its head rewound:
        // consistent in the database, but the checkpoint names that event
        assertEquals(201, Http.send(admin("/audit/checkpoints").POST(HttpRequest.BodyPublishers.noBody()), null).status());
        int chain = (int) Database.count("SELECT chain_id FROM audit_event WHERE event_id = ?", changed);
        long newest = Database.count("SELECT MAX(event_id) FROM audit_event WHERE chain_id = ?", chain);
        List<Object> row = rowOf(newest);
        long before = Database.count("SELECT MAX(event_id) FROM audit_event WHERE chain_id = ? AND event_id < ?", chain, newest);
        String beforeHash = Database.text("SELECT event_hash FROM audit_event WHERE event_id = ?", before);
        String newestHash = Database.text("SELECT event_hash FROM audit_event WHERE event_id = ?", newest);
        update("DELETE FROM audit_event WHERE event_id = ?", newest);
        update("UPDATE audit_chain_head SET id_cursor = ?, last_hash = ? WHERE chain_id = ?", before, beforeHash, chain);
        try {
            JsonObject truncated = verification();
            assertFalse(truncated.getBoolean("intact"), truncated::toString);
            assertEquals(newest, truncated.getJsonNumber("firstBrokenEventId").longValue(), truncated::toString);
            assertTrue(truncated.getBoolean("checkpointSigned"));
        } finally {
            insert(row);
            update("UPDATE audit_chain_head SET id_cursor = ?, last_hash = ? WHERE chain_id = ?", newest, newestHash, chain);
        }
        assertTrue(verification().getBoolean("intact"), () -> verification().toString());
    }

    @Test
    void withTheAuditTableUnwritableAPortalDisclosureShowsNoKey() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        try (Browser browser = Browser.open()) {
            SignInPage.signInToHelpdesk(browser, TestUsers.create("ADVANCED_HELPDESK"));
            RecoverPage recover = DevicePage.open(browser, device.id).recover(key.get("recoveryKeyId")).reason("TPM_RESET");
            boolean postgres = "postgresql".equals(System.getProperty("keywarden.test.db"));
            update("ALTER TABLE audit_event ADD CONSTRAINT kw_test_unwritable CHECK (event_id < 0) "
                    + (postgres ? "NOT VALID" : "NOCHECK"));
            try {
                recover.submit();
                assertFalse(browser.has("#shown-key"), "a key shown without its audit event");
                assertFalse(browser.source().contains(key.get("recoveryPassword").substring(0, 13)));
                assertTrue(browser.has("#error-message"), browser::source);
            } finally {
                update("ALTER TABLE audit_event DROP CONSTRAINT kw_test_unwritable");
            }
        }
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?",
                key.get("recoveryKeyId")), "not marked disclosed either");
    }

    @Test
    void aSelfServiceDisclosureIsListedAsSelfServiceAndFailsClosedWithoutItsAuditEvent() throws Exception {
        TestUsers.User user = SelfServiceUsers.create();
        TestDevice device = SelfServiceUsers.deviceOf(user);
        Map<String, String> listed = device.escrowNewKey("OS");
        Map<String, String> unwritable = device.escrowNewKey("FIXED");
        try (Browser browser = Browser.open()) {
            SelfServicePage.signIn(browser, user).lookUp(listed.get("recoveryKeyId").substring(0, 8));
            new RecoveredKeyPage(browser);
            SelfServicePage.open(browser).accept()
                    .keyId(unwritable.get("recoveryKeyId").substring(0, 8)).reason("OS_FILES_MODIFIED");
            boolean postgres = "postgresql".equals(System.getProperty("keywarden.test.db"));
            update("ALTER TABLE audit_event ADD CONSTRAINT kw_test_unwritable CHECK (event_id < 0) "
                    + (postgres ? "NOT VALID" : "NOCHECK"));
            try {
                browser.clickAndWait(browser.find("#recover\\:submit"));
                assertFalse(browser.has("#shown-key"), "a key shown without its audit event");
                assertFalse(browser.source().contains(unwritable.get("recoveryPassword").substring(0, 13)));
            } finally {
                update("ALTER TABLE audit_event DROP CONSTRAINT kw_test_unwritable");
            }
        }
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?",
                unwritable.get("recoveryKeyId")), "not marked disclosed either");
        Http.Reply events = audit("/audit?source=SELF_SERVICE&endUser=" + java.net.URLEncoder.encode(user.username(),
                java.nio.charset.StandardCharsets.UTF_8) + "&outcome=SUCCESS", "application/json");
        assertEquals(200, events.status(), events::toString);
        List<JsonObject> found = events.json().getJsonArray("events").getValuesAs(JsonObject.class);
        assertEquals(1, found.size(), events::toString);
        assertEquals(listed.get("recoveryKeyId"), found.get(0).getString("recoveryKeyId"));
        assertEquals("user:" + user.username(), found.get(0).getString("actor"));
        assertEquals("KEY_DISCLOSED", found.get(0).getString("action"));
        assertTrue(verification().getBoolean("intact"));
    }

    private static JsonObject verification() {
        Http.Reply reply = audit("/audit/verification", "application/json");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static HttpRequest.Builder admin(String path) {
        return Http.asUser(path, "admin", Keywarden.adminPassword());
    }

    private static Http.Reply audit(String path, String accept) {
        return Http.send(admin(path).header("Accept", accept).GET(), null);
    }

    private static void update(String sql, Object... parameters) throws Exception {
        try (Connection db = Database.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Every column of one audit row, to put it back exactly. */
    private static List<Object> rowOf(long eventId) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement select = db.prepareStatement("SELECT * FROM audit_event WHERE event_id = ?")) {
            select.setLong(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                ResultSetMetaData meta = rs.getMetaData();
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnName(i));
                    row.add(rs.getObject(i));
                }
                return row;
            }
        }
    }

    private static void insert(List<Object> row) throws Exception {
        StringBuilder columns = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < row.size(); i += 2) {
            columns.append(i == 0 ? "" : ", ").append(row.get(i));
            marks.append(i == 0 ? "?" : ", ?");
        }
        try (Connection db = Database.connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO audit_event (" + columns + ") VALUES (" + marks + ")")) {
            for (int i = 1; i < row.size(); i += 2) {
                insert.setObject(i / 2 + 1, row.get(i));
            }
            assertEquals(1, insert.executeUpdate());
        }
        assertNotNull(Statement.class);
    }
}
