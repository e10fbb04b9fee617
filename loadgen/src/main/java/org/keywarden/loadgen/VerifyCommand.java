package org.keywarden.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.keywarden.loadgen.ledger.LedgerReader;
import org.keywarden.loadgen.ledger.LedgerVerifier;
import org.keywarden.loadgen.ledger.VerifyTally;
import org.keywarden.client.HttpClientFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: re-sends every escrow of a ledger, identical, through the device API. 200 means
 * the server has it with the same password (found), 201 that it did not have it (lost; it is stored
 * now), 409 that it has that key id with another password (corrupted); anything else is an error.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Checks that every escrow in a ledger (written by a load run with --ledger) is still stored: "
                    + "re-sends each one, identical, with its device's token.",
            "200 = found; 201 = LOST (the server did not have it; the re-send stores it); 409 = CORRUPTED "
                    + "(stored with another password); anything else, or no answer after the retries, = error.",
            "Prints: sent, acknowledged, found, lost, corrupted, errors. Never prints tokens or passwords."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every acknowledged escrow was found intact",
            "1:at least one was lost or corrupted",
            "2:bad command line",
            "3:none lost or corrupted, but some could not be checked",
            "5:the ledger could not be read"})
public class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", paramLabel = "FILE", required = true,
            description = "The ledger to check (holds secrets).")
    Path ledger;

    @Option(names = "--server", paramLabel = "URL",
            description = "Send to this server instead of the one recorded in each ledger line.")
    URI server;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "16",
            description = "Requests in flight. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of an entry without an answer or with 5xx/429, one second apart. "
                    + "Default: ${DEFAULT-VALUE}.")
    int retries;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || retries < 0 || connection.timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--concurrency and --timeout-seconds must be at least 1, --retries at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LedgerReader.Contents contents;
        try {
            contents = LedgerReader.read(ledger);
        } catch (IOException e) {
            err.println("keywarden-loadgen verify: cannot read " + ledger + ": " + e.getMessage());
            return ExitCodes.LOCAL_ERROR;
        }
        LedgerVerifier verifier = new LedgerVerifier(server, connection.timeout(), concurrency, retries,
                Duration.ofSeconds(1), s -> HttpClientFactory.create(connection.insecure, connection.timeout()));
        VerifyTally tally = verifier.verify(contents);
        report(tally, out);
        if (tally.lost() > 0 || tally.corrupted() > 0) {
            return ExitCodes.VERIFY_FAILED;
        }
        return tally.passed() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
    }

    private void report(VerifyTally t, PrintWriter out) {
        out.printf("Ledger %s: %d entries%s%n", ledger, t.acknowledged(),
                t.malformed() > 0 ? ", " + t.malformed() + " unreadable line(s) skipped" : "");
        out.printf("sent %d, acknowledged %d, found %d, lost %d, corrupted %d, errors %d%n", t.sent(),
                t.acknowledged(), t.found(), t.lost(), t.corrupted(), t.errorCount());
        if (!t.lostKeyIds().isEmpty()) {
            out.println("Lost key ids (first " + t.lostKeyIds().size() + "): " + String.join(" ", t.lostKeyIds()));
        }
        if (!t.corruptedKeyIds().isEmpty()) {
            out.println("Corrupted key ids (first " + t.corruptedKeyIds().size() + "): "
                    + String.join(" ", t.corruptedKeyIds()));
        }
        t.errors().forEach((cause, n) -> out.println("Not checked: " + cause + " x" + n));
        out.println(t.lost() > 0 || t.corrupted() > 0 ? "FAIL" : t.passed() ? "PASS" : "INCOMPLETE");
        out.flush();
    }
}
