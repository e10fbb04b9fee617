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
            return Response.fromResponse(Problems.of(503, "Service Unavailable",
                    "The database cannot be reached; retry later (incident " + incident + ")"))
                    .header("Retry-After", "30").build();
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

    static boolean databaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().startsWith("jakarta.resource.")) {
                return true;
            }
        }
        return false;
    }
}
