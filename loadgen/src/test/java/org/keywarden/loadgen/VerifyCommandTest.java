package org.keywarden.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.loadgen.ledger.LedgerEntry;
import org.keywarden.loadgen.ledger.LedgerReader;

class VerifyCommandTest {
    @TempDir
    Path dir;

    FakeKeywarden server;
    Path ledger;
    List<LedgerEntry> entries;

    @BeforeEach
    void escrowSomeKeys() throws Exception {
        server = new FakeKeywarden();
        ledger = dir.resolve("ledger.jsonl");
        Run run = Run.of("--server", server.url(), "--enrollment-secret", FakeKeywarden.SECRET, "--devices", "3",
                "--concurrency", "3", "--requests", "30", "--warmup", "0", "--mix", "escrow=1", "--progress", "0",
                "--ledger", ledger.toString());
        assertEquals(0, run.exitCode(), run.all());
        entries = LedgerReader.read(ledger).entries();
        assertEquals(36, entries.size(), "6 setup keys and 30 escrows");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void allFoundPasses() {
        Run run = Run.of("verify", "--ledger", ledger.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("sent 36, acknowledged 36, found 36, lost 0, corrupted 0, errors 0"), run.out());
        assertTrue(run.out().contains("PASS"));
        assertEquals(36, server.keys.size(), "nothing new stored");
    }

    @Test
    void countsLostAndCorruptedKeys() {
        server.lose(entries.get(0).recoveryKeyId());
        server.lose(entries.get(1).recoveryKeyId());
        server.corrupt(entries.get(2).recoveryKeyId());
        Run run = Run.of("verify", "--ledger", ledger.toString(), "--concurrency", "4");
        assertEquals(ExitCodes.VERIFY_FAILED, run.exitCode(), run.all());
        assertTrue(run.out().contains("sent 36, acknowledged 36, found 33, lost 2, corrupted 1, errors 0"), run.out());
        assertTrue(run.out().contains(entries.get(0).recoveryKeyId()), "lost key ids listed");
        assertTrue(run.out().contains("Corrupted key ids (first 1): " + entries.get(2).recoveryKeyId()), run.out());
        assertTrue(run.out().contains("FAIL"));
        for (LedgerEntry e : entries) {
            assertFalse(run.all().contains(e.escrow().recoveryPassword()));
            assertFalse(run.all().contains(e.deviceToken()));
        }
        // the re-send stored the lost keys again; the corrupted one stays a conflict
        Run again = Run.of("verify", "--ledger", ledger.toString());
        assertTrue(again.out().contains("found 35, lost 0, corrupted 1"), again.out());
        assertEquals(ExitCodes.VERIFY_FAILED, again.exitCode());
    }

    @Test
    void unansweredEntriesAreErrorsNotPasses() throws Exception {
        String url = server.url();
        server.close();
        Run run = Run.of("verify", "--ledger", ledger.toString(), "--retries", "0", "--server", url);
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.all());
        assertTrue(run.out().contains("found 0, lost 0, corrupted 0, errors 36"), run.out());
        assertTrue(run.out().contains("Not checked: ConnectException x36"), run.out());
        assertTrue(run.out().contains("INCOMPLETE"));
    }

    @Test
    void otherStatusesAreErrors() throws Exception {
        server.tokens.replaceAll((id, token) -> "revoked");
        Run run = Run.of("verify", "--ledger", ledger.toString());
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.all());
        assertTrue(run.out().contains("Not checked: HTTP 401 x36"), run.out());
    }

    @Test
    void missingLedgerIsALocalError() {
        assertEquals(ExitCodes.LOCAL_ERROR, Run.of("verify", "--ledger", dir.resolve("none").toString()).exitCode());
        assertEquals(ExitCodes.USAGE, Run.of("verify").exitCode());
    }

    @Test
    void ledgerStaysPrivate() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ledger)));
    }
}
