package org.keywarden.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.keywarden.audit.control.AuditCheckpoints;
import org.keywarden.audit.control.AuditPage;
import org.keywarden.audit.control.AuditQuery;
import org.keywarden.audit.control.AuditVerification;
import org.keywarden.audit.control.Checkpoint;
import org.keywarden.audit.control.FindAuditEvents;
import org.keywarden.audit.control.VerifyAuditTrail;
import org.keywarden.platform.boundary.FieldError;
import org.keywarden.platform.boundary.ProblemException;

/**
 * {@code GET /api/v1/audit} (report viewers and administrators): the recovery audit, filtered, newest
 * first, paged; as CSV with {@code Accept: text/csv}. {@code GET /api/v1/audit/verification}: whether the
 * trail is unbroken and agrees with the newest signed checkpoint. {@code POST /api/v1/audit/checkpoints}
 * (administrators): write a checkpoint now.
 */
@Path("/v1/audit")
@RequestScoped
public class AuditResource {

    static final String CSV = "text/csv";

    @Inject
    FindAuditEvents find;

    @Inject
    VerifyAuditTrail verify;

    @Inject
    AuditCheckpoints checkpoints;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("action") String action, @QueryParam("source") String source, @QueryParam("actor") String actor,
            @QueryParam("endUser") String endUser, @QueryParam("deviceId") String deviceId,
            @QueryParam("recoveryKeyId") String recoveryKeyId, @QueryParam("outcome") String outcome,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        AuditQuery query = new AuditQuery(time("from", from, errors), time("to", to, errors), action, source, actor,
                endUser, deviceId, recoveryKeyId, outcome, limit(limit, errors), cursor);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AuditPage page = find.find(query);
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.valueOf(CSV))
                && !t.isWildcardType());
        if (!csv) {
            return Response.ok(page, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = output -> {
            Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            AuditCsv.header(out);
            AuditCsv.rows(out, page.events());
            out.flush();
        };
        Response.ResponseBuilder answer = Response.ok(body, CSV + "; charset=UTF-8; header=present");
        if (page.next() != null) {
            answer.header("Link", "<?cursor=" + page.next() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditVerification verification() {
        return verify.verify();
    }

    @POST
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkpoint() {
        Checkpoint written = checkpoints.writeNow();
        return Response.status(Response.Status.CREATED).entity(new Written(written.at(), written.chains().size(),
                written.signature() != null)).build();
    }

    /** A checkpoint written: when, how many chains, whether it is signed. */
    public record Written(Instant at, int chains, boolean signed) {
    }

    private static Instant time(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an RFC 3339 time, such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private static int limit(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + AuditQuery.MAX_LIMIT));
            return AuditQuery.DEFAULT_LIMIT;
        }
    }
}
