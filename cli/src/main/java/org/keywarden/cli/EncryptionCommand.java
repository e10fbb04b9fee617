package org.keywarden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code encryption}: encryption at rest (status, keystore backup, certificates, re-wrap). */
@Command(name = "encryption", mixinStandardHelpOptions = true,
        description = "Encryption at rest: status, keystore backup confirmation, certificates and re-wrap.",
        subcommands = {EncryptionStatusCommand.class, ConfirmBackupCommand.class, AddCertificateCommand.class,
            RetireCertificateCommand.class, RewrapCommand.class})
final class EncryptionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
