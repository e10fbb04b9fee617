package org.keywarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.bitlocker.BitLockerException;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.windows.ReplayingPowerShell;
import org.keywarden.agent.windows.WindowsBitLocker;

/**
 * What a rotation refuses before it touches anything, whatever the server asks: to replace a protector that
 * is not a recovery password, or to conclude anything on a volume whose protectors could not be read.
 */
class KeyEscrowSafetyTest {
    static final String OS = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    static final String TPM = "6A6E3B16-4F0C-4B8E-9C1A-2D3E4F5A6B01";
    static final String DATA = "5B7D1C2E-0A1B-4C3D-8E9F-102132435401";
    static final String B = "C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E02";

    @TempDir
    Path state;

    @Test
    void aTpmProtectorIsNeverRotated() {
        ReplayingPowerShell pc = new ReplayingPowerShell("office-pc");
        KeyEscrow escrow = new KeyEscrow(AgentState.load(state, new SecureRandom(), new WindowsBitLocker(pc)), null, null);
        BitLockerException e = assertThrows(BitLockerException.class, () -> escrow.rotate(OS, TPM));
        assertTrue(e.getMessage().contains("refusing to rotate protector " + TPM) && e.getMessage().contains("TPM"),
                e.getMessage());
        assertEquals(java.util.List.of("volumes"), pc.names(), "nothing added, nothing deleted");
    }

    @Test
    void aVolumeWhoseProtectorsCannotBeReadKeepsItsRotation() {
        ReplayingPowerShell pc = new ReplayingPowerShell("listing-fails");
        AgentState agent = AgentState.load(state, new SecureRandom(), new WindowsBitLocker(pc));
        agent.ledger().startReplacement(DATA, B, "E5F6A7B8-C9D0-4E1F-A2B3-C4D5E6F70704");
        KeyEscrow escrow = new KeyEscrow(agent, null, null);
        BitLockerException e = assertThrows(BitLockerException.class, () -> escrow.rotate(DATA, B));
        assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
        java.io.StringWriter out = new java.io.StringWriter();
        Outcome outcome = new Outcome();
        escrow.resume(new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true), outcome);
        assertTrue(out.toString().contains("kept for later"), out.toString());
        assertEquals(1, agent.ledger().pendingReplacements().size(), "the rotation is not forgotten");
        assertFalse(pc.names().stream().anyMatch(n -> n.startsWith("add") || n.startsWith("delete")));
    }
}
