package org.keywarden.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCeilingCommandTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("bench") + ";WRITE_DELAY=0";
    }

    @Test
    void printsBothModesAndWritesJson() throws Exception {
        Path out = dir.resolve("ceiling.json");
        Run run = Run.of("db-ceiling", "--jdbc-url", url(), "--user", "sa", "--password", "sa-pw-123",
                "--rows", "200", "--batch", "50", "--concurrency", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("DB ceiling: H2 2.2.224"), run.out());
        assertTrue(run.out().matches("(?s).*\\nbatch of 50\\s+200\\s+4\\s.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nper-row commit\\s+200\\s+200\\s.*"), run.out());
        JsonObject json = Json.createReader(new StringReader(Files.readString(out))).readObject();
        assertTrue(json.keySet().containsAll(Set.of("tool", "database", "driver", "table", "valueBytes",
                "parameters", "batched", "perRowCommit")), json.keySet().toString());
        assertEquals(770, json.getInt("valueBytes"));
        assertEquals(200, json.getJsonObject("perRowCommit").getInt("rows"));
        assertEquals(200, json.getJsonObject("perRowCommit").getInt("commits"));
        assertEquals(4, json.getJsonObject("batched").getInt("commits"));
        assertTrue(json.getJsonObject("perRowCommit").getJsonNumber("rowsPerSecond").doubleValue() > 0);
        assertEquals(50, json.getJsonObject("parameters").getInt("batch"));
        assertFalse(run.all().contains("sa-pw-123") || json.toString().contains("sa-pw-123"), "password shown");
    }

    @Test
    void databaseErrorIsExitSixWithoutThePassword() {
        Run first = Run.of("db-ceiling", "--jdbc-url", url(), "--user", "sa", "--password", "right", "--rows", "1");
        assertEquals(0, first.exitCode(), first.all());
        Run run = Run.of("db-ceiling", "--jdbc-url", url(), "--user", "sa", "--password", "wrong-pw-456",
                "--rows", "1");
        assertEquals(ExitCodes.DATABASE_ERROR, run.exitCode(), run.all());
        assertTrue(run.err().contains("db-ceiling:"), run.err());
        assertFalse(run.all().contains("wrong-pw-456"));
    }

    @Test
    void badUsageIsExitTwo() {
        assertEquals(2, Run.of("db-ceiling", "--jdbc-url", "not-jdbc").exitCode());
        assertEquals(2, Run.of("db-ceiling", "--jdbc-url", url(), "--rows", "0").exitCode());
        assertEquals(2, Run.of("db-ceiling", "--jdbc-url", url(), "--batch", "0").exitCode());
        assertEquals(2, Run.of("db-ceiling", "--jdbc-url", url(), "--max-seconds", "-1").exitCode());
    }
}
