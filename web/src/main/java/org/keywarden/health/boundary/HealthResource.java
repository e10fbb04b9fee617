package org.keywarden.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/health}: {@code {"status":"UP"}} while the application is deployed. It touches no
 * database, so a load balancer keeps a node whose database is briefly away (device requests then get
 * 503 and retry) and the benchmark uses it as the HTTP ceiling of this server.
 */
@Path("/v1/health")
@ApplicationScoped
public class HealthResource {

    private static final Health UP = new Health("UP");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Health health() {
        return UP;
    }

    /** The application's state. */
    public record Health(String status) {
    }
}
