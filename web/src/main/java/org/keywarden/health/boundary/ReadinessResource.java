package org.keywarden.health.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Collectors;
import org.keywarden.health.control.CheckReadiness;
import org.keywarden.health.control.Readiness;
import org.keywarden.platform.boundary.Problems;

/**
 * {@code GET /api/v1/health/ready} (no authentication): 200 {@code {"status":"READY","checks":{...}}} when
 * the database answers with the schema this node expects and the keystore is open, else 503
 * problem whose detail names each failed check. For monitoring and orchestration; the load balancer's check stays the
 * liveness one, which touches no database.
 */
@Path("/v1/health/ready")
@RequestScoped
public class ReadinessResource {

    @Inject
    CheckReadiness readiness;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        Readiness state = readiness.check();
        if (state.ready()) {
            return Response.ok(new Answer("READY", state.checks())).build();
        }
        String failed = state.checks().entrySet().stream().filter(c -> !c.getValue().equals("ok") && !c.getValue().equals("off"))
                .map(c -> c.getKey() + ": " + c.getValue()).collect(Collectors.joining("; "));
        return Problems.of(503, "Not ready", failed);
    }

    /** The answer when ready: the status and each check's. */
    public record Answer(String status, Map<String, String> checks) {
    }
}
