package org.keywarden.cli;

import java.util.List;
import java.util.Locale;
import org.keywarden.cli.api.AdminApi;
import org.keywarden.cli.api.CertificateInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code encryption retire-certificate FINGERPRINT}: DELETE /api/v1/admin/encryption/certificates/{fingerprint}. */
@Command(name = "retire-certificate", mixinStandardHelpOptions = true,
        description = {"Remove a certificate no record is sealed to any more (the server refuses the newest one,"
                + " and one records still need: re-wrap first)."})
final class RetireCertificateCommand extends AdminCommand {
    private static final int FULL = 64;
    private static final int SHORTEST_PREFIX = 8;

    @Parameters(paramLabel = "FINGERPRINT",
            description = "SHA-256 fingerprint (64 hex digits, colons allowed), or a unique prefix of at least "
                    + SHORTEST_PREFIX + " digits as 'encryption status' shows it.")
    String fingerprint;

    @Option(names = "--force", description = "Retire even though the backup of the keystore with the newest "
            + "certificate is not confirmed (the server refuses otherwise).")
    boolean force;

    @Override
    protected int execute(AdminContext ctx) {
        String hex = normalized(fingerprint);
        if (!hex.matches("[0-9a-f]{" + SHORTEST_PREFIX + "," + FULL + "}")) {
            throw usage("FINGERPRINT must be 64 hexadecimal digits, or a prefix of at least " + SHORTEST_PREFIX
                    + ": '" + fingerprint + "'");
        }
        AdminApi api = ctx.api();
        String full = hex.length() == FULL ? hex : resolve(api, hex);
        api.retireCertificate(full, force);
        if (!ctx.json()) {
            ctx.out().println("Retired certificate " + full + ".");
        }
        return ExitCodes.OK;
    }

    /** Lower case, without colons, spaces and a trailing ellipsis. */
    static String normalized(String s) {
        String t = s.strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.endsWith("…")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("...")) {
            t = t.substring(0, t.length() - 3);
        }
        return t;
    }

    private static String resolve(AdminApi api, String prefix) {
        List<String> matches = api.encryption().certificates().stream()
                .map(CertificateInfo::fingerprint)
                .filter(f -> f != null && f.toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        if (matches.isEmpty()) {
            throw new LocalProblem("no certificate's fingerprint starts with " + prefix
                    + " (see: keywarden-admin encryption status)");
        }
        if (matches.size() > 1) {
            throw new LocalProblem(prefix + " is the start of " + matches.size()
                    + " certificates' fingerprints; give more digits");
        }
        return matches.get(0).toLowerCase(Locale.ROOT);
    }
}
