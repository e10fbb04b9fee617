package org.keywarden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devices}: what an administrator asks of devices (rotate). */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "Devices: rotate their recovery keys now.",
        subcommands = {DevicesCommand.Rotate.class})
final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Ask a device to replace every active recovery key (or the one named) at its next check-in.")
    static final class Rotate extends AdminCommand {
        @Parameters(index = "0", paramLabel = "DEVICE_ID")
        String deviceId;

        @Option(names = "--key", paramLabel = "GUID", description = "Only this recovery key.")
        String recoveryKeyId;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (audited).")
        String reason;

        @Override
        protected int execute(AdminContext ctx) {
            int keys = ctx.api().rotateDevice(deviceId, recoveryKeyId, reason);
            if (ctx.json()) {
                ctx.printJson("{\"keys\":" + keys + "}");
            } else {
                ctx.out().println("Rotation requested for " + keys + " key(s) of device " + deviceId
                        + "; it replaces them at its next check-in.");
            }
            return ExitCodes.OK;
        }
    }
}
