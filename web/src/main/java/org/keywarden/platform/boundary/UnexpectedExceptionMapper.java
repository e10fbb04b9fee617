package org.keywarden.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A database that cannot be reached answers 503 (retry later); anything else 500
 * with an incident id that points at the log entry. Neither answer carries the exception's text,
 * and the log names only the exception types, never their messages, which may quote request data.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        String chain = causeChain(exception);
        if (databaseUnavailable(exception)) {
            LOG.warning(() -> "Database unavailable, answered 503 (incident " + incident + "): " + chain);
            return Problems.unavailable("Service Unavailable",
                    "The database cannot be reached; retry later (incident " + incident + ")", 30);
        }
        LOG.log(Level.SEVERE, "Unexpected error (incident " + incident + "): " + chain);
        return Problems.of(500, "Internal Server Error", "Unexpected error (incident " + incident + ")");
    }

    private static String causeChain(Throwable exception) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (chain.length() > 0) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                chain.append(" at ").append(trace[0]);
            }
        }
        return chain.toString();
    }

    /**
     * Whether the database cannot be reached: a connection error (SQLState class 08), a database that is
     * shutting down or starting (PostgreSQL 57P01 to 57P03), or the connector failing, anywhere among
     * the causes and the suppressed exceptions (a failed commit hides the SQL error under the latter).
     */
    static boolean databaseUnavailable(Throwable exception) {
        return databaseUnavailable(exception, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean databaseUnavailable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
            return true;
        }
        if (t.getClass().getName().startsWith("jakarta.resource.")) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (databaseUnavailable(suppressed, seen)) {
                return true;
            }
        }
        return databaseUnavailable(t.getCause(), seen);
    }
}
