package org.keywarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's log file: each printed line time-stamped with its level, rotated by size, a fixed number kept. */
class RotatingLogTest {
    @TempDir
    Path tmp;

    @Test
    void linesGoToTheConsoleAndTheLog() throws Exception {
        Path file = tmp.resolve("logs/agent.log");
        StringWriter console = new StringWriter();
        PrintWriter out = new RotatingLog(file, RotatingLog.MAX_BYTES).tee(new PrintWriter(console), "ERROR");
        out.println("error: check-in failed");
        out.print("half a line");
        out.flush();
        assertEquals("error: check-in failed" + System.lineSeparator() + "half a line", console.toString());
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size(), "only whole lines are logged");
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z ERROR error: check-in failed"), lines.get(0));
    }

    @Test
    void atTheSizeLimitTheLogRotatesAndFiveAreKept() throws Exception {
        Path file = tmp.resolve("agent.log");
        RotatingLog log = new RotatingLog(file, 100);
        for (int i = 0; i < 40; i++) {
            log.append("INFO", "line " + i + " of the agent's output, long enough to fill a file");
        }
        for (int i = 1; i <= RotatingLog.KEPT; i++) {
            assertTrue(Files.exists(tmp.resolve("agent.log." + i)), "agent.log." + i);
        }
        assertFalse(Files.exists(tmp.resolve("agent.log." + (RotatingLog.KEPT + 1))));
        assertTrue(Files.readString(file).contains("line 39 "), "the newest line is in the current file");
        assertTrue(Files.readString(tmp.resolve("agent.log.1")).contains("line 37 "), "the one before holds the lines before");
    }
}
