package org.keywarden.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.bitlocker.VolumeType;

class AgentStateTest {
    @TempDir
    Path tmp;

    @Test
    void missingDirectoryIsAnEmptyState() {
        AgentState state = AgentState.load(tmp.resolve("nothing-here"));
        assertFalse(state.isEnrolled());
        assertTrue(state.deviceId().isEmpty());
        assertTrue(state.volumes().isEmpty());
        assertFalse(Files.exists(tmp.resolve("nothing-here")), "loading writes nothing");
    }

    @Test
    void tokenFileIsNotWorldReadable() throws Exception {
        Path dir = tmp.resolve("state");
        AgentState state = AgentState.load(dir);
        state.saveEnrollment(identity("D-1"), "token-value-0123456789");
        Path token = dir.resolve(AgentState.TOKEN_FILE);
        assertTrue(Files.exists(token));
        assertTrue(SecureFiles.isOwnerOnly(token));
        PosixFileAttributeView posix = Files.getFileAttributeView(token, PosixFileAttributeView.class);
        assumeTrue(posix != null, "POSIX permissions not supported here");
        Set<PosixFilePermission> perms = posix.readAttributes().permissions();
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
        state.simulated().encryptNewVolume(VolumeType.OS, null);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve(AgentState.BITLOCKER_FILE)), "recovery passwords too");
    }

    @Test
    void stateRoundTripsThroughTheDirectory() {
        Path dir = tmp.resolve("state");
        AgentState state = AgentState.load(dir);
        state.saveEnrollment(identity("DEV-42"), "secret-token");
        Volume os = state.simulated().encryptNewVolume(VolumeType.OS, null);
        Volume data = state.simulated().encryptNewVolume(VolumeType.FIXED, "F:");
        String osKey = os.recoveryPasswordProtectors().get(0).id();
        String dataKey = data.recoveryPasswordProtectors().get(0).id();
        state.ledger().markEscrowed(osKey, os.volumeId(), Instant.parse("2025-01-02T03:04:05Z"));
        String newKey = state.simulated().addRecoveryPasswordProtector(data.volumeId()).id();
        state.ledger().startReplacement(data.volumeId(), dataKey, newKey);

        AgentState again = AgentState.load(dir);
        assertTrue(again.isEnrolled());
        assertEquals("DEV-42", again.deviceId().orElseThrow());
        assertEquals("secret-token", again.deviceToken().orElseThrow());
        assertEquals(List.of("CORP\\alice"), again.identity().orElseThrow().users());
        assertEquals(state.volumes(), again.volumes());
        assertEquals(List.of(osKey, dataKey, newKey), again.recoveryPasswordProtectorIds());
        assertTrue(again.isEscrowed(osKey));
        assertTrue(again.isEscrowed(osKey.toLowerCase()));
        assertEquals(List.of(dataKey, newKey), again.unescrowedProtectorIds());
        assertEquals(newKey, again.ledger().replacementOf(dataKey).orElseThrow().newRecoveryKeyId());
        assertEquals(state.recoveryPassword(newKey), again.recoveryPassword(newKey));
        assertEquals(data.volumeId(), again.volumeOfProtector(newKey).orElseThrow().volumeId());
        assertTrue(again.recoveryPassword(os.protectors().get(0).id()).isEmpty(), "TPM has no password");

        again.ledger().finishReplacement(dataKey);
        assertTrue(AgentState.load(dir).ledger().pendingReplacements().isEmpty());
    }

    @Test
    void reEnrollmentForgetsEscrowRecords() {
        Path dir = tmp.resolve("state");
        AgentState state = AgentState.load(dir);
        state.saveEnrollment(identity("A"), "t1");
        Volume v = state.simulated().encryptNewVolume(VolumeType.OS, null);
        String key = v.recoveryPasswordProtectors().get(0).id();
        state.ledger().markEscrowed(key, v.volumeId(), null);
        state.saveEnrollment(identity("B"), "t2");
        AgentState again = AgentState.load(dir);
        assertEquals("B", again.deviceId().orElseThrow());
        assertFalse(again.isEscrowed(key));
        assertEquals(1, again.volumes().size(), "the volumes stay");
    }

    private static DeviceIdentity identity(String id) {
        return new DeviceIdentity(id, "http://localhost:8080", "PC-0042", "CORP", null, "10.0.22631",
                List.of("CORP\\alice"), Instant.now());
    }
}
