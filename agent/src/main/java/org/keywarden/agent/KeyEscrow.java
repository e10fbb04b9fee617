package org.keywarden.agent;

import java.util.Base64;
import java.util.Optional;
import org.keywarden.agent.api.DeviceApi;
import org.keywarden.agent.api.DeviceCredential;
import org.keywarden.agent.api.EscrowRequest;
import org.keywarden.agent.api.EscrowResponse;
import org.keywarden.agent.bitlocker.BitLocker;
import org.keywarden.agent.bitlocker.BitLockerException;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.bitlocker.VolumeLockedException;
import org.keywarden.agent.state.AgentState;
import org.keywarden.agent.state.EscrowLedger;
import org.keywarden.agent.state.PendingReplacement;

/**
 * Escrows recovery keys and rotates them. A rotation adds the new protector first, escrows it with
 * {@code replaces}, and removes the old protector only after the server acknowledged the new key
 * (2xx); if anything fails in between, both protectors stay and the rotation resumes next time.
 */
final class KeyEscrow {
    private final AgentState state;
    private final DeviceApi api;
    private final DeviceCredential device;

    KeyEscrow(AgentState state, DeviceApi api, DeviceCredential device) {
        this.state = state;
        this.api = api;
        this.device = device;
    }

    /** Outcome of one escrow: the answer, and the rotation it completed, if any. */
    record Escrowed(String volumeId, String recoveryKeyId, EscrowResponse response, String replaced,
                    boolean oldProtectorRemoved) {
        String describe() {
            StringBuilder sb = new StringBuilder("recovery key ").append(recoveryKeyId).append(" of volume ")
                    .append(volumeId).append(response.created() ? " escrowed (201 stored)" : " escrowed (200 already stored)");
            if (replaced != null) {
                sb.append(", replaces ").append(replaced)
                        .append(oldProtectorRemoved ? ", old protector removed" : ", old protector already gone");
            }
            return sb.toString();
        }
    }

    /**
     * Escrows the recovery password protector with this id (on whichever volume has it). If it is
     * the new key of a rotation in progress, it is sent with {@code replaces} and the old
     * protector is removed once the server acknowledged it.
     *
     * @throws BitLockerException if no volume has this recovery password protector
     */
    Escrowed escrow(String protectorId) {
        BitLocker bitLocker = state.bitLocker();
        Volume volume = state.volumeOfProtector(protectorId)
                .orElseThrow(() -> new BitLockerException("no volume has protector " + protectorId));
        KeyProtector protector = volume.protector(protectorId).orElseThrow();
        if (volume.locked()) {
            throw new VolumeLockedException(volume.volumeId());
        }
        if (!protector.isRecoveryPassword()) {
            throw new BitLockerException("protector " + protector.id() + " is " + protector.type()
                    + ", not a recovery password");
        }
        EscrowLedger ledger = state.ledger();
        Optional<PendingReplacement> rotation = ledger.rotationWithNewKey(protector.id());
        String replaces = rotation.map(PendingReplacement::oldRecoveryKeyId).orElse(null);

        EscrowRequest request = new EscrowRequest(volume.volumeId(), volume.type().name(), volume.driveLetter(),
                protector.id(), bitLocker.recoveryPassword(volume.volumeId(), protector.id()),
                Base64.getEncoder().encodeToString(bitLocker.keyPackage(volume.volumeId(), protector.id())),
                replaces);
        EscrowResponse response = api.escrow(device, request);
        ledger.markEscrowed(protector.id(), volume.volumeId(), response.escrowedAt());

        boolean removed = false;
        if (replaces != null) {
            // The server acknowledged the replacement: only now may the old protector go.
            removed = removeIfPresent(volume.volumeId(), replaces);
            ledger.finishReplacement(replaces);
        }
        return new Escrowed(volume.volumeId(), protector.id(), response, replaces, removed);
    }

    /**
     * Rotates a recovery key: reuses the replacement of an earlier unfinished rotation if it is
     * still on the volume, otherwise adds a new recovery password protector; escrows it with
     * {@code replaces}; then removes the old protector.
     *
     * @return the outcome, or empty if the old protector is not on the volume (nothing to rotate)
     */
    Optional<Escrowed> rotate(String volumeId, String oldProtectorId) {
        Volume volume = state.volume(volumeId)
                .orElseThrow(() -> new BitLockerException("no volume " + volumeId + " on this device"));
        if (!volume.protectorsKnown()) {
            throw new BitLockerException("the protectors of volume " + volume.volumeId() + " could not be read: "
                    + volume.listingError());
        }
        Optional<KeyProtector> old = volume.protector(oldProtectorId);
        if (old.isEmpty()) {
            state.ledger().finishReplacement(oldProtectorId);
            return Optional.empty();
        }
        if (!old.get().isRecoveryPassword()) {
            // only a recovery password is ever replaced: deleting a TPM protector would send the PC to recovery
            throw new BitLockerException("refusing to rotate protector " + old.get().id() + " of volume "
                    + volume.volumeId() + ": it is " + old.get().type() + ", not a recovery password");
        }
        if (volume.locked()) {
            throw new VolumeLockedException(volume.volumeId());
        }
        EscrowLedger ledger = state.ledger();
        String newId = ledger.replacementOf(old.get().id()).map(p -> replacementOnVolume(p, volume, ledger)).orElse(null);
        if (newId == null) {
            // Record the rotation before Windows adds the protector, so a crash after it is recognised.
            ledger.announceReplacement(volume.volumeId(), old.get().id(),
                    volume.protectors().stream().map(KeyProtector::id).toList());
            newId = state.bitLocker().addRecoveryPasswordProtector(volume.volumeId()).id();
        }
        // Remember the pairing before talking to the server, so a crash or a failure resumes it.
        ledger.startReplacement(volume.volumeId(), old.get().id(), newId);
        return Optional.of(escrow(newId));
    }

    /**
     * Finishes the rotations an earlier run left unfinished (a crash, a failed escrow): each either
     * completes in the safe order, is forgotten because its old protector is gone, or is kept for later
     * while its volume is absent, locked or unreadable. One line each; a failure does not stop the others.
     */
    void resume(java.io.PrintWriter out, java.io.PrintWriter err, Outcome outcome) {
        for (PendingReplacement p : state.ledger().pendingReplacements()) {
            String prefix = "unfinished rotation of " + p.oldRecoveryKeyId() + " on volume " + p.volumeId() + ": ";
            Optional<Volume> volume = state.volume(p.volumeId());
            if (volume.isEmpty() || !volume.get().protectorsKnown()) {
                out.println(prefix + "kept for later (the volume is not present, or its protectors cannot be read)");
                continue;
            }
            try {
                out.println(prefix + rotate(p.volumeId(), p.oldRecoveryKeyId()).map(r -> "finished: new " + r.describe())
                        .orElse("done (the old protector is gone)"));
            } catch (VolumeLockedException e) {
                out.println(prefix + "kept for later: " + Failures.message(e));
            } catch (RuntimeException e) {
                err.println("error: " + prefix + Failures.message(e));
                outcome.fail(e);
            }
        }
    }

    /**
     * The new protector of an unfinished rotation, if it is on the volume: the one recorded, or after a crash
     * between Windows adding it and the agent learning its id, the recovery password that was not there
     * before, is not escrowed and is no other rotation's.
     */
    private static String replacementOnVolume(PendingReplacement p, Volume volume, EscrowLedger ledger) {
        if (p.newRecoveryKeyId() != null) {
            return volume.protector(p.newRecoveryKeyId()).map(KeyProtector::id).orElse(null);
        }
        return volume.recoveryPasswordProtectors().stream().map(KeyProtector::id)
                .filter(id -> !id.equals(p.oldRecoveryKeyId()) && !p.knownBefore().contains(id))
                .filter(id -> !ledger.isEscrowed(id) && ledger.rotationWithNewKey(id).isEmpty())
                .reduce((first, later) -> later).orElse(null);
    }

    private boolean removeIfPresent(String volumeId, String protectorId) {
        boolean present = state.volume(volumeId).flatMap(v -> v.protector(protectorId)).isPresent();
        if (present) {
            state.bitLocker().removeProtector(volumeId, protectorId);
        }
        return present;
    }
}
