package org.keywarden.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keywarden.cli.imports.ActiveDirectoryException;
import org.keywarden.cli.imports.ActiveDirectoryKeys;
import org.keywarden.cli.imports.ActiveDirectorySource;
import org.keywarden.cli.imports.SourceRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import ad}: the msFVE-RecoveryInformation objects under the computers of an Active Directory. */
@Command(name = "ad", mixinStandardHelpOptions = true,
        description = "From Active Directory over LDAP (StartTLS or LDAPS): msFVE-RecoveryInformation under computer objects.")
final class ActiveDirectoryImportCommand extends AdminCommand {
    static final String PASSWORD_ENV = "KEYWARDEN_LDAP_BIND_PASSWORD";

    @Option(names = "--ldap-url", paramLabel = "URL", required = true,
            description = "ldaps://dc.corp.example.com, or ldap://... (StartTLS).")
    String url;

    @Option(names = "--bind-dn", paramLabel = "DN", required = true,
            description = "An account allowed to read the confidential msFVE attributes.")
    String bindDn;

    @Option(names = "--bind-password-file", paramLabel = "FILE",
            description = "Its password (default: env " + PASSWORD_ENV + ").")
    Path passwordFile;

    @Option(names = "--base", paramLabel = "DN", required = true, description = "Where to search, e.g. DC=corp,DC=example,DC=com.")
    String base;

    @Option(names = "--trust", paramLabel = "PEM", description = "Certificates to trust for the directory's TLS "
            + "(default: Java's trust store).")
    Path trust;

    @Option(names = "--allow-plain-ldap", description = "Plain LDAP without TLS, to this machine only (tests).")
    boolean allowPlain;

    @Override
    protected int execute(AdminContext ctx) {
        ActiveDirectorySource source = new ActiveDirectorySource(url, bindDn, password(), base, trust, allowPlain);
        ActiveDirectoryKeys keys = new ActiveDirectoryKeys(source);
        try {
            SourceRows rows = new SourceRows(keys.read(), keys.skipped().entries().stream()
                    .map(s -> new SourceRows.Skipped(s.distinguishedName(), s.reason().description())).toList());
            return ImportCommand.send(ctx, "ACTIVE_DIRECTORY", rows);
        } catch (ActiveDirectoryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            source.clearPassword();
        }
    }

    private char[] password() {
        String value;
        if (passwordFile != null) {
            try {
                value = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + passwordFile + ": " + e.getClass().getSimpleName());
            }
        } else {
            value = System.getenv(PASSWORD_ENV);
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("the directory password is missing: --bind-password-file or env " + PASSWORD_ENV);
        }
        return value.toCharArray();
    }
}
