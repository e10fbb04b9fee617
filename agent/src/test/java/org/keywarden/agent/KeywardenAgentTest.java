package org.keywarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.state.AgentState;

/** Drives the CLI in-process against {@link FakeDeviceServer} and checks state, requests and output. */
class KeywardenAgentTest {
    @TempDir
    Path tmp;
    Path state;
    FakeDeviceServer server;
    final List<AgentRun> runs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeDeviceServer();
        state = tmp.resolve("agent-state");
    }

    @AfterEach
    void noSecretEverPrinted() {
        server.close();
        AgentState s = AgentState.load(state);
        List<String> secrets = new ArrayList<>();
        s.deviceToken().ifPresent(secrets::add);
        s.recoveryPasswordProtectorIds().forEach(id -> s.recoveryPassword(id).ifPresent(secrets::add));
        server.keys.values().forEach(k -> secrets.add(k.getString("recoveryPassword")));
        secrets.add(FakeDeviceServer.SECRET);
        for (AgentRun run : runs) {
            for (String secret : secrets) {
                assertFalse(run.all().contains(secret), "secret printed: " + run.all());
            }
        }
    }

    private AgentRun agent(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", server.url(), "--state", state.toString()));
        all.addAll(List.of(args));
        AgentRun run = AgentRun.of(all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private AgentRun enroll() {
        AgentRun run = agent("enroll", "--secret", FakeDeviceServer.SECRET, "--hostname", "PC-0042", "--domain", "CORP",
                "--os-version", "10.0.22631", "--user", "CORP\\alice");
        assertEquals(0, run.exitCode(), run.all());
        return run;
    }

    @Test
    void enrollEscrowTpmAndCheckIn() {
        enroll();
        AgentState s = AgentState.load(state);
        assertEquals(server.deviceId, s.deviceId().orElseThrow());
        assertEquals(server.token, s.deviceToken().orElseThrow());

        AgentRun add = agent("add-volume", "--type", "OS");
        assertEquals(0, add.exitCode(), add.all());
        s = AgentState.load(state);
        Volume os = s.volumes().get(0);
        String keyId = os.recoveryPasswordProtectors().get(0).id();
        assertTrue(s.isEscrowed(keyId));
        JsonObject escrowed = server.keys.get(keyId);
        assertEquals(os.volumeId(), escrowed.getString("volumeId"));
        assertEquals("OS", escrowed.getString("volumeType"));
        assertEquals("C:", escrowed.getString("driveLetter"));
        assertEquals(s.recoveryPassword(keyId).orElseThrow(), escrowed.getString("recoveryPassword"));
        assertTrue(escrowed.getString("keyPackage").length() > 300);
        assertFalse(escrowed.containsKey("replaces"));

        assertEquals(0, agent("tpm").exitCode());
        assertTrue(server.tpm.getString("ownerAuthHash").length() >= 28);
        assertTrue(server.tpm.containsKey("reportedAt"));

        AgentRun checkin = agent("checkin");
        assertEquals(0, checkin.exitCode(), checkin.all());
        assertTrue(checkin.out().contains("0 action(s)"), checkin.out());
        JsonObject report = server.statusReports.get(0);
        JsonObject volume = report.getJsonArray("volumes").getJsonObject(0);
        assertEquals("XTS_AES_256", volume.getString("encryptionMethod"));
        assertEquals("FULLY_ENCRYPTED", volume.getString("conversionStatus"));
        assertEquals("ON", volume.getString("protectionStatus"));
        assertTrue(volume.getBoolean("compliant"));
        assertEquals(2, volume.getJsonArray("protectors").size());
        assertEquals("CORP\\alice", report.getJsonArray("users").getString(0));

        AgentRun status = agent("status");
        assertEquals(0, status.exitCode());
        assertTrue(status.out().contains(keyId + " escrowed"), status.out());
    }

    @Test
    void escrowGapIsClosedOnCheckIn() {
        enroll();
        assertEquals(0, agent("add-volume", "--type", "FIXED", "--drive", "E:", "--no-escrow").exitCode());
        String keyId = AgentState.load(state).recoveryPasswordProtectorIds().get(0);
        assertFalse(AgentState.load(state).isEscrowed(keyId));
        assertTrue(agent("status").out().contains(keyId + " NOT escrowed"));

        AgentRun checkin = agent("checkin");
        assertEquals(0, checkin.exitCode(), checkin.all());
        assertTrue(checkin.out().contains("ESCROW_RECOVERY_KEY"), checkin.out());
        assertTrue(AgentState.load(state).isEscrowed(keyId));
        assertTrue(server.keys.containsKey(keyId));
    }

    @Test
    void rotationReplacesTheKeyAndRemovesTheOldProtectorAfterwards() {
        enroll();
        agent("add-volume", "--type", "OS");
        String oldKey = AgentState.load(state).recoveryPasswordProtectorIds().get(0);
        server.rotationRequested.add(oldKey);

        AgentRun pending = agent("actions");
        assertEquals(0, pending.exitCode(), pending.all());
        assertTrue(pending.out().contains("0 pending"), "no status reported yet: " + pending.out());
        agent("checkin");

        AgentState s = AgentState.load(state);
        List<String> keys = s.recoveryPasswordProtectorIds();
        assertEquals(1, keys.size());
        String newKey = keys.get(0);
        assertNotEquals(oldKey, newKey);
        assertTrue(s.isEscrowed(newKey));
        assertEquals(oldKey, server.keys.get(newKey).getString("replaces"));
        assertTrue(server.rotationRequested.isEmpty());
        assertTrue(s.ledger().pendingReplacements().isEmpty());
        assertEquals(2, s.volumes().get(0).protectors().size(), "TPM and the new recovery password");
    }

    @Test
    void failedRotationKeepsTheOldProtectorAndResumesLater() {
        enroll();
        agent("add-volume", "--type", "OS");
        String oldKey = AgentState.load(state).recoveryPasswordProtectorIds().get(0);
        server.rotationRequested.add(oldKey);
        server.failEscrowWith = 503;

        AgentRun failed = agent("checkin");
        assertEquals(ExitCodes.SERVER_REJECTED, failed.exitCode());
        assertTrue(failed.err().contains("HTTP 503 Service Unavailable: try later"), failed.err());
        AgentState s = AgentState.load(state);
        assertEquals(2, s.recoveryPasswordProtectorIds().size());
        assertTrue(s.volumes().get(0).protector(oldKey).isPresent(), "old protector kept");
        String newKey = s.ledger().replacementOf(oldKey).orElseThrow().newRecoveryKeyId();

        server.failEscrowWith = 0;
        AgentRun resumed = agent("checkin");
        assertEquals(0, resumed.exitCode(), resumed.all());
        s = AgentState.load(state);
        assertEquals(List.of(newKey), s.recoveryPasswordProtectorIds(), "no third protector, old one removed");
        assertEquals(oldKey, server.keys.get(newKey).getString("replaces"));
        assertTrue(s.ledger().pendingReplacements().isEmpty());
    }

    @Test
    void errorsAreOneLineWithStatusAndProblem() throws Exception {
        AgentRun wrong = agent("enroll", "--secret", "wrong", "--hostname", "PC-1");
        assertEquals(ExitCodes.SERVER_REJECTED, wrong.exitCode());
        assertEquals("error: HTTP 401 Unauthorized: wrong enrollment secret", wrong.err().strip());

        Path secretFile = tmp.resolve("secret.txt");
        Files.writeString(secretFile, FakeDeviceServer.SECRET + "\n");
        assertEquals(0, agent("enroll", "--secret-file", secretFile.toString(), "--hostname", "PC-1").exitCode());
        assertEquals(ExitCodes.LOCAL_ERROR, agent("enroll", "--secret", "x", "--hostname", "PC-1").exitCode(),
                "already enrolled");

        agent("add-volume", "--type", "FIXED", "--no-escrow");
        String keyId = AgentState.load(state).recoveryPasswordProtectorIds().get(0);
        server.keys.put(keyId, jakarta.json.Json.createObjectBuilder()
                .add("recoveryPassword", "000000-000000-000000-000000-000000-000000-000000-000000").build());
        AgentRun conflict = agent("escrow");
        assertEquals(ExitCodes.SERVER_REJECTED, conflict.exitCode());
        assertTrue(conflict.err().contains("HTTP 409 Conflict"), conflict.err());
        assertFalse(AgentState.load(state).isEscrowed(keyId));
    }

    @Test
    void offlineBehaviour() {
        AgentRun status = AgentRun.of("--state", state.toString(), "status");
        assertEquals(0, status.exitCode());
        assertTrue(status.out().contains("Device: not enrolled"));

        assertEquals(ExitCodes.LOCAL_ERROR, AgentRun.of("--state", state.toString(), "escrow").exitCode());
        AgentRun notEnrolled = AgentRun.of("--state", state.toString(), "checkin");
        assertEquals(ExitCodes.LOCAL_ERROR, notEnrolled.exitCode());
        assertTrue(notEnrolled.err().startsWith("error: not enrolled"), notEnrolled.err());
        assertEquals(ExitCodes.LOCAL_ERROR, AgentRun.of("--state", state.toString(), "add-volume", "--type", "OS").exitCode());
        assertTrue(AgentState.load(state).volumes().isEmpty(), "nothing created when escrow cannot happen");
        assertEquals(ExitCodes.USAGE, AgentRun.of("--state", state.toString()).exitCode());
        assertEquals(ExitCodes.USAGE, AgentRun.of("--state", state.toString(), "add-volume", "--type", "USB").exitCode());

        enroll();
        String url = server.url();
        server.close();
        AgentRun unreachable = AgentRun.of("--server", url, "--state", state.toString(), "checkin");
        runs.add(unreachable);
        assertEquals(ExitCodes.SERVER_UNREACHABLE, unreachable.exitCode(), unreachable.all());
        assertTrue(unreachable.err().startsWith("error: cannot reach"), unreachable.err());
    }

    @Test
    void runRepeatsCheckIns() {
        enroll();
        agent("add-volume", "--type", "OS", "--no-escrow");
        AgentRun run = agent("run", "--times", "2", "--interval-seconds", "0");
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(2, server.statusReports.size());
        assertTrue(AgentState.load(state).unescrowedProtectorIds().isEmpty());
    }
}
