package org.keywarden.audit.control;

import java.time.Instant;

/**
 * The recovery audit's filters, every one optional, and the page wanted: at most {@code limit} events
 * (1 to {@value #MAX_LIMIT}), newest first, after {@code cursor} (the previous page's {@code next}).
 */
public record AuditQuery(Instant from, Instant to, String action, String source, String actor, String endUser,
                         String deviceId, String recoveryKeyId, String outcome, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
