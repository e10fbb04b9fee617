package org.keywarden.metrics.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.keywarden.metrics.control.ReadMetrics;

/**
 * {@code GET /api/v1/metrics} (report viewers and administrators, HTTP Basic): this node's metrics in the
 * Prometheus text format. Scrape every node; the counters are the node's own since it started.
 */
@Path("/v1/metrics")
@RequestScoped
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

    @Inject
    ReadMetrics metrics;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String metrics() {
        return metrics.prometheusText();
    }
}
