package org.keywarden.cli;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit}: the recovery audit (list, export as CSV) and the verification of the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The recovery audit and its verification.",
        subcommands = {AuditCommand.ListEvents.class, AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The filters of GET /api/v1/audit. */
    static final class Filters {
        @Option(names = "--from", paramLabel = "TIME", description = "RFC 3339, e.g. 2026-01-31T00:00:00Z") String from;
        @Option(names = "--to", paramLabel = "TIME") String to;
        @Option(names = "--action", paramLabel = "ACTION", description = "e.g. KEY_DISCLOSED") String action;
        @Option(names = "--source", paramLabel = "SOURCE", description = "AGENT, HELPDESK_PORTAL, SELF_SERVICE, API, SYSTEM") String source;
        @Option(names = "--actor", paramLabel = "WHO") String actor;
        @Option(names = "--end-user", paramLabel = "DOMAIN\\name") String endUser;
        @Option(names = "--device", paramLabel = "ID") String deviceId;
        @Option(names = "--key", paramLabel = "GUID") String recoveryKeyId;
        @Option(names = "--outcome", paramLabel = "OUTCOME", description = "SUCCESS or FAILURE") String outcome;

        String query(Map<String, String> extra) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("from", from);
            q.put("to", to);
            q.put("action", action);
            q.put("source", source);
            q.put("actor", actor);
            q.put("endUser", endUser);
            q.put("deviceId", deviceId);
            q.put("recoveryKeyId", recoveryKeyId);
            q.put("outcome", outcome);
            q.putAll(extra);
            return q.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Audit events, newest first.")
    static final class ListEvents extends AdminCommand {
        @Mixin
        Filters filters = new Filters();

        @Option(names = "--limit", paramLabel = "N", description = "1 to 1000 (default 100)")
        int limit = 100;

        @Override
        protected int execute(AdminContext ctx) {
            JsonObject page = ctx.api().auditEvents(filters.query(Map.of("limit", String.valueOf(limit))));
            if (ctx.json()) {
                ctx.printJson(page.toString());
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(List.of("AT", "ACTION", "OUTCOME", "SOURCE", "ACTOR", "KEY", "END USER"));
            for (JsonObject e : page.getJsonArray("events").getValuesAs(JsonObject.class)) {
                table.add(e.getString("at"), e.getString("action"), e.getString("outcome"), e.getString("source", "-"),
                        e.getString("actor"), e.getString("recoveryKeyId", "-"), e.getString("endUser", "-"));
            }
            table.print(ctx.out(), "");
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the audit trail (chains and signed checkpoints); exit code 1 when it is broken.")
    static final class Verify extends AdminCommand {
        @Override
        protected int execute(AdminContext ctx) {
            JsonObject result = ctx.api().auditVerification();
            boolean intact = result.getBoolean("intact");
            if (ctx.json()) {
                ctx.printJson(result.toString());
            } else if (intact) {
                ctx.out().println("Audit trail intact: " + result.getJsonNumber("events") + " events verified"
                        + (result.containsKey("checkpointAt") ? ", against checkpoints up to "
                        + result.getString("checkpointAt") : "") + ".");
            } else {
                ctx.out().println("Audit trail BROKEN: first broken event " + (result.containsKey("firstBrokenEventId")
                        ? result.getJsonNumber("firstBrokenEventId") : "-") + ": " + result.getString("problem", ""));
            }
            return intact ? ExitCodes.OK : ExitCodes.SERVER_REJECTED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Every matching event as CSV, to a file.")
    static final class Export extends AdminCommand {
        @Mixin
        Filters filters = new Filters();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path output;

        @Override
        protected int execute(AdminContext ctx) {
            int rows = 0;
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                String next = null;
                boolean first = true;
                do {
                    String[] page = ctx.api().auditCsv(filters.query(next == null ? Map.of("limit", "1000")
                            : Map.of("limit", "1000", "cursor", next)));
                    String body = page[0];
                    String rowsOnly = first ? body : body.substring(body.indexOf("\r\n") + 2);
                    out.write(rowsOnly);
                    rows += (int) rowsOnly.chars().filter(c -> c == '\n').count() - (first ? 1 : 0);
                    next = page[1];
                    first = false;
                } while (next != null);
            } catch (IOException e) {
                throw new LocalProblem("cannot write " + output + ": " + e.getClass().getSimpleName());
            }
            if (!ctx.json()) {
                ctx.out().println("Wrote " + rows + " events to " + output + ".");
            }
            return ExitCodes.OK;
        }
    }
}
