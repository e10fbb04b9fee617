package org.keywarden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code encryption rewrap}: move every stored secret to the certificate that encrypts now. */
@Command(name = "rewrap", mixinStandardHelpOptions = true,
        description = "Re-wrap: re-seal every stored record to the newest certificate (status, start, cancel).",
        subcommands = {RewrapStatusCommand.class, RewrapStartCommand.class, RewrapCancelCommand.class})
final class RewrapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
