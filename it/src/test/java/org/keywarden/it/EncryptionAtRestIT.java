package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After escrowing known secrets through the API, no column of any table, read by plain JDBC, holds
 * any of them in any form: passwords with hyphens, spaces or digits only; key packages and TPM
 * hashes as bytes, base64 or hex.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(85)
class EncryptionAtRestIT {

    @Test
    void noColumnOfAnyTableHoldsAnEscrowedSecret() throws SQLException {
        TestDevice device = TestDevice.enroll();
        List<String> passwords = new ArrayList<>();
        List<byte[]> binaries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String keyPackage = Secrets.keyPackage();
            Map<String, String> key = Map.of("volumeId", Secrets.guid(), "recoveryKeyId", Secrets.guid(),
                    "recoveryPassword", Secrets.recoveryPassword());
            Http.Reply reply = device.escrow(TestDevice.key(key.get("volumeId"), "FIXED", key.get("recoveryKeyId"),
                    key.get("recoveryPassword")).add("keyPackage", keyPackage));
            assertEquals(201, reply.status(), reply::toString);
            passwords.add(key.get("recoveryPassword"));
            binaries.add(Base64.getDecoder().decode(keyPackage));
        }
        String tpmHash = Secrets.tpmHash();
        assertEquals(204, Http.put(device.path("/tpm"), Json.createObjectBuilder().add("ownerAuthHash", tpmHash)
                .add("reportedAt", Instant.now().toString()).build().toString(), device.token).status());
        binaries.add(Base64.getDecoder().decode(tpmHash));

        List<String> forms = new ArrayList<>();
        for (String password : passwords) {
            forms.add(password);
            forms.add(password.replace('-', ' '));
            forms.add(password.replace("-", ""));
        }
        for (byte[] binary : binaries) {
            forms.add(Base64.getEncoder().encodeToString(binary));
            forms.add(HexFormat.of().formatHex(binary));
        }

        List<String> found = new ArrayList<>();
        int cellsRead = 0;
        try (Connection connection = Database.connect()) {
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            byte[] raw = bytes(rows, c);
                            if (raw == null) {
                                continue;
                            }
                            cellsRead++;
                            String text = new String(raw, StandardCharsets.ISO_8859_1);
                            String hex = HexFormat.of().formatHex(raw);
                            for (String form : forms) {
                                if (text.contains(form) || hex.contains(form.toLowerCase(Locale.ROOT))) {
                                    found.add(table + "." + columns.getColumnName(c));
                                }
                            }
                            for (byte[] binary : binaries) {
                                if (contains(raw, binary)) {
                                    found.add(table + "." + columns.getColumnName(c) + " (raw bytes)");
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cellsRead > 50, "read too little to prove anything: " + cellsRead);
        assertEquals(List.of(), found);
        assertEquals(3, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ? "
                + "AND sealed_with IS NOT NULL AND sealed_with <> 'plain'", device.id), "keys sealed to a certificate");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id = ? "
                + "AND sealed_with IS NOT NULL AND sealed_with <> 'plain'", device.id), "TPM hash sealed too");
    }

    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "PUBLIC" : "public";
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.size() >= 8, "expected Keywarden's tables, found " + tables);
        return tables;
    }

    private static byte[] bytes(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
