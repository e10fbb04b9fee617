package org.keywarden.loadgen.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.client.Guids;
import org.keywarden.client.RecoveryPasswords;
import org.keywarden.loadgen.http.EscrowRequest;

class LedgerTest {
    private static final String TOKEN = "secret-device-token";

    @TempDir
    Path dir;

    static LedgerEntry entry(String password) {
        return new LedgerEntry("http://127.0.0.1:1", "0b8f6e1c-3f0e-4c53-9d55-1c0d7c3a9e01", TOKEN,
                new EscrowRequest(Guids.newGuid(), "OS", "C:", Guids.newGuid(), password, null), 201,
                Instant.parse("2025-01-02T03:04:05.678Z"));
    }

    @Test
    void oneJsonLinePerEntryWithEverythingNeededToResend() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        String password = RecoveryPasswords.next();
        LedgerEntry e = entry(password);
        try (Ledger ledger = Ledger.open(file)) {
            ledger.append(e);
            ledger.append(entry(RecoveryPasswords.next()));
            assertEquals(2, ledger.lines());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        JsonObject o = Json.createReader(new StringReader(lines.get(0))).readObject();
        assertEquals(Set.of("acknowledgedAt", "status", "server", "deviceId", "deviceToken", "volumeId", "volumeType",
                "driveLetter", "recoveryKeyId", "recoveryPassword"), o.keySet());
        assertEquals(e.deviceId(), o.getString("deviceId"));
        assertEquals(TOKEN, o.getString("deviceToken"));
        assertEquals(e.recoveryKeyId(), o.getString("recoveryKeyId"));
        assertEquals(password, o.getString("recoveryPassword"));
        assertEquals(201, o.getInt("status"));

        LedgerEntry back = LedgerEntry.parse(lines.get(0));
        assertEquals(e.toLine(), back.toLine());
        assertNull(back.escrow().replaces(), "re-sent without replaces");
    }

    @Test
    void createdWithModeSixHundred() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("new.jsonl");
        try (Ledger ledger = Ledger.open(file)) {
            ledger.append(entry(RecoveryPasswords.next()));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void existingFileIsAppendedToAndTightened() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, entry(RecoveryPasswords.next()).toLine() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Ledger ledger = Ledger.open(file)) {
            ledger.append(entry(RecoveryPasswords.next()));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(2, LedgerReader.read(file).entries().size());
    }

    @Test
    void readerSkipsATornLastLine() throws Exception {
        Path file = dir.resolve("torn.jsonl");
        String whole = entry(RecoveryPasswords.next()).toLine();
        Files.writeString(file, whole + "\n\n" + whole.substring(0, 40), StandardOpenOption.CREATE_NEW);
        LedgerReader.Contents c = LedgerReader.read(file);
        assertEquals(1, c.entries().size());
        assertEquals(1, c.malformedLines());
    }

    @Test
    void secretsStayOutOfToStringAndErrors() {
        String password = RecoveryPasswords.next();
        LedgerEntry e = entry(password);
        assertFalse(e.toString().contains(password));
        assertFalse(e.toString().contains(TOKEN));
        assertFalse(e.escrow().toString().contains(password));
        String torn = e.toLine().substring(0, e.toLine().indexOf(password) + 10);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> LedgerEntry.parse(torn));
        assertFalse(ex.getMessage().contains(password.substring(0, 10)));
        assertTrue(ex.getMessage().startsWith("not a ledger line"));
    }
}
