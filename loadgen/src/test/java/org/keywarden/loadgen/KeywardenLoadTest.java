package org.keywarden.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.loadgen.ledger.LedgerEntry;
import org.keywarden.loadgen.ledger.LedgerReader;

class KeywardenLoadTest {
    @TempDir
    Path dir;

    FakeKeywarden server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeKeywarden();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Run load(String... extra) {
        String[] base = {"--server", server.url(), "--enrollment-secret", FakeKeywarden.SECRET, "--progress", "0"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Run.of(args);
    }

    @Test
    void runsBoundedByRequestCountAndWritesSummaryResultAndLedger() throws Exception {
        Path out = dir.resolve("result.json");
        Path ledger = dir.resolve("ledger.jsonl");
        Run run = load("--devices", "5", "--concurrency", "4", "--requests", "300", "--warmup", "0",
                "--mix", "escrow=1,checkin=2", "--out", out.toString(), "--ledger", ledger.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(0, server.badRequests.get(), "every body was valid");
        assertEquals(5, server.enrollments.get());

        // human summary
        assertTrue(run.out().contains("5 of 5 devices enrolled, 10 initial keys escrowed"), run.out());
        assertTrue(run.out().matches("(?s).*operation\\s+requests\\s+errors\\s+req/s\\s+p50 ms\\s+p90 ms\\s+p99 ms"
                + "\\s+p99\\.9 ms\\s+max ms.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nescrow\\s+\\d+\\s+0\\s.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\ncheckin\\s+\\d+\\s+0\\s.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nall\\s+300\\s+0\\s.*"), run.out());

        // JSON result
        JsonObject result = Json.createReader(new StringReader(Files.readString(out))).readObject();
        assertTrue(result.keySet().containsAll(Set.of("tool", "version", "javaVersion", "availableProcessors",
                "startedAt", "measuredFrom", "endedAt", "measuredSeconds", "parameters", "setup", "operations",
                "overall", "ledgerLines")), result.keySet().toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), result.getInt("availableProcessors"));
        JsonObject params = result.getJsonObject("parameters");
        assertEquals(300, params.getInt("requests"));
        assertFalse(params.containsKey("durationSeconds"));
        assertEquals(4, params.getInt("concurrency"));
        assertEquals(2, params.getJsonObject("mix").getInt("checkin"));
        assertFalse(result.toString().contains(FakeKeywarden.SECRET), "no enrollment secret in the result");
        JsonObject overall = result.getJsonObject("overall");
        assertEquals(300, overall.getInt("count"));
        assertEquals(0, overall.getInt("errors"));
        assertTrue(overall.getJsonNumber("throughput").doubleValue() > 0);
        JsonObject latency = overall.getJsonObject("latencyMs");
        assertEquals(Set.of("samples", "mean", "p50", "p90", "p99", "p99_9", "max"), latency.keySet());
        assertTrue(latency.getJsonNumber("p50").doubleValue() <= latency.getJsonNumber("p99").doubleValue());
        assertTrue(latency.getJsonNumber("p99").doubleValue() <= latency.getJsonNumber("max").doubleValue());
        JsonObject ops = result.getJsonObject("operations");
        assertEquals(Set.of("escrow", "checkin"), ops.keySet());
        assertEquals(300, ops.getJsonObject("escrow").getInt("count") + ops.getJsonObject("checkin").getInt("count"));
        assertTrue(ops.getJsonObject("escrow").containsKey("errorsByCause"));

        // ledger: every acknowledged escrow (setup included), each stored with its password on the server
        LedgerReader.Contents ledgerContents = LedgerReader.read(ledger);
        int escrows = ops.getJsonObject("escrow").getInt("count") + 10;
        assertEquals(escrows, ledgerContents.entries().size());
        assertEquals(escrows, result.getInt("ledgerLines"));
        assertEquals(escrows, server.keys.size());
        for (LedgerEntry e : ledgerContents.entries()) {
            FakeKeywarden.StoredKey stored = server.keys.get(e.recoveryKeyId());
            assertEquals(e.escrow().recoveryPassword(), stored.password());
            assertEquals(e.deviceId(), stored.deviceId());
            assertEquals(server.tokens.get(e.deviceId()), e.deviceToken());
            assertFalse(run.all().contains(e.escrow().recoveryPassword()), "password printed");
        }
        server.tokens.values().forEach(t -> assertFalse(run.all().contains(t), "token printed"));
    }

    @Test
    void pacedRunRoughlyHonoursTheRate() throws Exception {
        Path out = dir.resolve("paced.json");
        long start = System.nanoTime();
        Run run = load("--devices", "4", "--concurrency", "4", "--rate", "50", "--duration", "3", "--warmup", "1",
                "--out", out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(seconds < 10, "stopped by itself, took " + seconds);
        JsonObject overall = Json.createReader(new StringReader(Files.readString(out))).readObject()
                .getJsonObject("overall");
        int count = overall.getInt("count");
        assertTrue(count >= 120 && count <= 165, "50 req/s for 3 s, sent " + count);
        double throughput = overall.getJsonNumber("throughput").doubleValue();
        assertTrue(throughput > 40 && throughput < 56, "throughput " + throughput);
        assertTrue(run.out().contains("paced at 50.0 req/s"), run.out());
        assertTrue(run.out().contains("corrected for coordinated omission"), run.out());
    }

    @Test
    void flatOutRunStopsAfterTheDuration() {
        long start = System.nanoTime();
        Run run = load("--devices", "2", "--concurrency", "2", "--duration", "1", "--warmup", "1");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(seconds < 8, "took " + seconds);
        assertTrue(run.out().contains("Measured 1.0 s after a 1 s warm-up"), run.out());
    }

    @Test
    void serverErrorsAreCountedAndTheRunStillSucceeds() throws Exception {
        server.checkInStatus = 503;
        Path out = dir.resolve("errors.json");
        Run run = load("--devices", "2", "--concurrency", "2", "--requests", "50", "--warmup", "0",
                "--mix", "checkin=1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Errors of checkin: HTTP 503 x50"), run.out());
        JsonObject checkin = Json.createReader(new StringReader(Files.readString(out))).readObject()
                .getJsonObject("operations").getJsonObject("checkin");
        assertEquals(50, checkin.getInt("errors"));
        assertEquals(50, checkin.getJsonObject("errorsByCause").getInt("HTTP 503"));
        assertEquals(50, checkin.getJsonObject("latencyMs").getInt("samples"), "answered requests have latencies");
    }

    @Test
    void enrollOnlyMixNeedsNoInitialDevices() {
        Run run = load("--devices", "0", "--concurrency", "2", "--requests", "20", "--warmup", "0",
                "--mix", "enroll=1");
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(20, server.enrollments.get());
        assertTrue(run.out().matches("(?s).*\\nenroll\\s+20\\s+0\\s.*"), run.out());
    }

    @Test
    void healthOnlyMixEnrollsNothingAndNeedsNoSecret() throws Exception {
        Path out = dir.resolve("health.json");
        Run run = Run.of("--server", server.url(), "--enrollment-secret", "", "--concurrency", "3",
                "--requests", "60", "--warmup", "0", "--progress", "0", "--mix", "health=1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(0, server.enrollments.get(), "no enrollment");
        assertEquals(0, server.escrows.get(), "no initial keys");
        assertEquals(60, server.healthChecks.get());
        assertTrue(run.out().matches("(?s).*\\nhealth\\s+60\\s+0\\s.*"), run.out());
        JsonObject result = Json.createReader(new StringReader(Files.readString(out))).readObject();
        assertEquals(0, result.getJsonObject("parameters").getInt("devices"));
        assertEquals(1, result.getJsonObject("parameters").getJsonObject("mix").getInt("health"));
        JsonObject health = result.getJsonObject("operations").getJsonObject("health");
        assertEquals(60, health.getInt("count"));
        assertEquals(0, health.getInt("errors"));
        assertEquals(60, health.getJsonObject("answersByStatus").getInt("200"));
    }

    @Test
    void healthMixedWithDeviceOperationsStillEnrolls() throws Exception {
        Path out = dir.resolve("mixed.json");
        Run run = load("--devices", "3", "--concurrency", "2", "--requests", "100", "--warmup", "0",
                "--mix", "health=1,checkin=1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(3, server.enrollments.get());
        JsonObject ops = Json.createReader(new StringReader(Files.readString(out))).readObject()
                .getJsonObject("operations");
        assertEquals(100, ops.getJsonObject("health").getInt("count") + ops.getJsonObject("checkin").getInt("count"));
        assertEquals(server.healthChecks.get(), ops.getJsonObject("health").getInt("count"));
        assertTrue(ops.getJsonObject("health").getInt("count") > 20, "about half are health checks");
    }

    @Test
    void answersAreCountedByStatus() throws Exception {
        server.checkInStatus = 500;
        Path out = dir.resolve("statuses.json");
        Run run = load("--devices", "2", "--concurrency", "2", "--requests", "40", "--warmup", "0",
                "--mix", "checkin=1,health=1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        JsonObject overall = Json.createReader(new StringReader(Files.readString(out))).readObject()
                .getJsonObject("overall");
        JsonObject byStatus = overall.getJsonObject("answersByStatus");
        assertEquals(Set.of("200", "500"), byStatus.keySet());
        assertEquals(40, byStatus.getInt("200") + byStatus.getInt("500"));
        assertEquals(byStatus.getInt("500"), overall.getJsonObject("errorsByCause").getInt("HTTP 500"));
    }

    @Test
    void timelineHasOneLinePerSecondWithAnswersByStatus() throws Exception {
        server.checkInStatus = 503;
        Path out = dir.resolve("timeline-run.json");
        Path timeline = dir.resolve("timeline.jsonl");
        Run run = load("--devices", "2", "--concurrency", "2", "--duration", "2", "--warmup", "0",
                "--rate", "40", "--mix", "checkin=1,health=1", "--out", out.toString(), "--timeline", timeline.toString());
        assertEquals(0, run.exitCode(), run.all());
        var lines = Files.readAllLines(timeline);
        assertTrue(lines.size() >= 2 && lines.size() <= 4, lines.toString());
        long ok = 0;
        long unavailable = 0;
        long previousSecond = -1;
        for (String line : lines) {
            JsonObject o = Json.createReader(new StringReader(line)).readObject();
            assertTrue(o.getJsonNumber("second").longValue() >= previousSecond, line);
            previousSecond = o.getJsonNumber("second").longValue();
            assertTrue(o.getString("at").endsWith("Z"), line);
            assertEquals(0, o.getJsonObject("noAnswer").size(), line);
            JsonObject answers = o.getJsonObject("answers");
            ok += answers.containsKey("200") ? answers.getInt("200") : 0;
            unavailable += answers.containsKey("503") ? answers.getInt("503") : 0;
        }
        JsonObject overall = Json.createReader(new StringReader(Files.readString(out))).readObject()
                .getJsonObject("overall");
        assertEquals(overall.getInt("count"), ok + unavailable, "every request is on the timeline");
        assertEquals(overall.getJsonObject("answersByStatus").getInt("503"), unavailable);
        assertEquals(server.healthChecks.get(), ok);
    }

    @Test
    void unreachableHealthOnlyRunIsExitThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run run = Run.of("--server", "http://127.0.0.1:" + port, "--mix", "health=1", "--requests", "4",
                "--warmup", "0", "--progress", "0", "--concurrency", "2");
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.all());
        assertTrue(run.out().contains("ConnectException x4"), run.out());
    }

    @Test
    void unreachableServerIsExitThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("down.json");
        Run run = Run.of("--server", "http://127.0.0.1:" + port, "--enrollment-secret", "x", "--devices", "50",
                "--duration", "1", "--warmup", "0", "--progress", "0", "--out", out.toString());
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.all());
        assertTrue(run.err().contains("unreachable"), run.err());
        JsonObject setup = Json.createReader(new StringReader(Files.readString(out))).readObject()
                .getJsonObject("setup");
        assertEquals("UNREACHABLE", setup.getString("failure"));
        assertTrue(setup.getJsonObject("enrollErrors").getInt("ConnectException") < 50, "gave up early");

        Run enrollOnly = Run.of("--server", "http://127.0.0.1:" + port, "--enrollment-secret", "x", "--devices", "0",
                "--mix", "enroll=1", "--requests", "5", "--warmup", "0", "--progress", "0");
        assertEquals(ExitCodes.UNREACHABLE, enrollOnly.exitCode(), enrollOnly.all());
        assertTrue(enrollOnly.out().contains("ConnectException x5"), enrollOnly.out());
    }

    @Test
    void wrongSecretIsExitFour() {
        Run run = Run.of("--server", server.url(), "--enrollment-secret", "wrong", "--devices", "40",
                "--warmup", "0", "--progress", "0");
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.all());
        assertTrue(run.err().contains("HTTP 401"), run.err());
        assertFalse(run.all().contains("wrong"), "secret not echoed");
    }

    @Test
    void badUsageIsExitTwo() {
        assertEquals(2, load("--mix", "escrow=1,rotate=2").exitCode());
        assertEquals(2, load("--duration", "5", "--requests", "5").exitCode());
        assertEquals(2, load("--volumes-per-device", "0").exitCode());
        assertEquals(2, load("--rate", "-1").exitCode());
        assertEquals(2, Run.of("--server", server.url(), "--enrollment-secret", "").exitCode(), "no secret");
    }

    @Test
    void helpSaysTheLedgerHoldsSecrets() {
        Run run = Run.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("SECRETS") && run.out().contains("mode 600"), run.out());
    }
}
