package org.keywarden.agent;

import java.util.stream.Collectors;
import org.keywarden.agent.api.DeviceCredential;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.bitlocker.VolumeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code add-volume}: turns BitLocker on for a new simulated volume and escrows its recovery key. */
@Command(name = "add-volume", mixinStandardHelpOptions = true,
        description = "Simulate turning on BitLocker on a new volume (new recovery password protector, plus a TPM "
                + "protector for OS volumes) and escrow its recovery key.")
final class AddVolumeCommand extends AgentCommand {

    @Option(names = "--type", required = true, paramLabel = "OS|FIXED|REMOVABLE", description = "Volume type.")
    VolumeType type;

    @Option(names = "--drive", paramLabel = "C:",
            description = "Drive letter (default: C: for OS, otherwise the first free letter from D:).")
    String driveLetter;

    @Option(names = "--no-escrow",
            description = "Do not escrow the new key (simulates a protector created while the server was unreachable).")
    boolean noEscrow;

    @Override
    protected int execute(AgentContext ctx) {
        DeviceCredential device = noEscrow ? null : ctx.credential(); // fail before changing anything
        Volume volume = ctx.state().simulated().encryptNewVolume(type, driveLetter);
        ctx.out().println("BitLocker on for volume " + volume.volumeId() + " (" + volume.type() + ", "
                + volume.driveLetter() + "): protectors " + volume.protectors().stream()
                .map(p -> p.type() + " " + p.id()).collect(Collectors.joining(", ")));
        for (KeyProtector p : volume.recoveryPasswordProtectors()) {
            if (noEscrow) {
                ctx.out().println("Recovery key " + p.id() + " not escrowed (--no-escrow)");
            } else {
                KeyEscrow escrow = new KeyEscrow(ctx.state(), ctx.api(), device);
                ctx.out().println("Escrowed " + escrow.escrow(p.id()).describe());
            }
        }
        return ExitCodes.OK;
    }
}
