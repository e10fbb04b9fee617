package org.keywarden.metrics.control;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The Prometheus text exposition format (version 0.0.4): one HELP and TYPE per family, then its samples. */
final class PrometheusText {

    /** Every family Keywarden writes, with its type and help text. */
    static final Map<String, String[]> FAMILIES = Map.ofEntries(
            Map.entry("keywarden_http_requests_total", new String[] {"counter",
                "API requests answered by this node, by method, endpoint template and status"}),
            Map.entry("keywarden_http_request_duration_seconds", new String[] {"histogram",
                "Time from receiving an API request to its answer, by method and endpoint template"}),
            Map.entry("keywarden_audit_events_total", new String[] {"counter",
                "Committed audit events written by this node, by action and outcome (escrows KEY_ESCROW, disclosures "
                        + "KEY_DISCLOSED, sign-ins SIGN_IN, lockouts SIGN_IN_LOCKED_OUT and SELF_SERVICE_LOCKED_OUT, ...)"}),
            Map.entry("keywarden_checkins_total", new String[] {"counter", "Device check-ins stored by this node"}),
            Map.entry("keywarden_checkins_unchanged_total", new String[] {"counter",
                "Check-ins of this node that changed nothing but the check-in times, stored by a group commit"}),
            Map.entry("keywarden_checkin_group_commits_total", new String[] {"counter",
                "Transactions that stored unchanged check-ins (unchanged check-ins / group commits = check-ins per commit)"}),
            Map.entry("keywarden_escrows_grouped_total", new String[] {"counter",
                "New-key escrows of this node stored by a group commit"}),
            Map.entry("keywarden_escrow_group_commits_total", new String[] {"counter",
                "Transactions that stored grouped escrows (grouped escrows / group commits = escrows per commit)"}),
            Map.entry("keywarden_checkin_actions_total", new String[] {"counter",
                "Actions answered to check-ins by this node, by type (ESCROW_RECOVERY_KEY: an escrow gap)"}),
            Map.entry("keywarden_rotation_backlog", new String[] {"gauge",
                "Recovery keys whose rotation is requested and not yet done (installation-wide)"}),
            Map.entry("keywarden_audit_checkpoint_age_seconds", new String[] {"gauge",
                "Seconds since this node wrote its newest signed audit checkpoint (-1: none yet)"}),
            Map.entry("keywarden_db_pool_connections", new String[] {"gauge",
                "Database connections of this node's pool, by state (in_use, idle)"}),
            Map.entry("keywarden_db_pool_max_connections", new String[] {"gauge",
                "The most database connections this node's pool may open"}),
            Map.entry("keywarden_db_pool_waits_total", new String[] {"counter",
                "Requests of this node that had to wait for a database connection"}),
            Map.entry("keywarden_ready", new String[] {"gauge", "1 when this node is ready to serve (GET /api/v1/health/ready)"}));

    private final StringBuilder text = new StringBuilder();
    private final Set<String> described = new HashSet<>();

    void sample(String name, String labels, double value) {
        String family = familyOf(name);
        if (described.add(family)) {
            String[] typeAndHelp = FAMILIES.get(family);
            if (typeAndHelp == null) {
                throw new IllegalArgumentException("Unknown metric family " + family);
            }
            text.append("# HELP ").append(family).append(' ').append(typeAndHelp[1]).append('\n');
            text.append("# TYPE ").append(family).append(' ').append(typeAndHelp[0]).append('\n');
        }
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{').append(labels).append('}');
        }
        text.append(' ').append(value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value)).append('\n');
    }

    private static String familyOf(String name) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (name.endsWith(suffix) && FAMILIES.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
