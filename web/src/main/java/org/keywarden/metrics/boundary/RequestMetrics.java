package org.keywarden.metrics.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import org.keywarden.metrics.control.MetricsRegistry;

/**
 * Counts every API request by method, endpoint template (such as {@code /api/v1/devices/{deviceId}/status},
 * never the path itself, which names a device or key) and status, and times it from its arrival (before
 * authentication) to its answer. Requests that match no endpoint count as {@code unmatched}.
 */
@Priority(1)
@PreMatching
@jakarta.ws.rs.ext.Provider
@ApplicationScoped
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    @Inject
    MetricsRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String endpoint = endpoint();
        String method = request.getMethod();
        registry.count("keywarden_http_requests_total", "method", method, "endpoint", endpoint,
                "status", Integer.toString(response.getStatus()));
        if (request.getProperty(STARTED) instanceof Long started) {
            registry.observe("keywarden_http_request_duration_seconds", (System.nanoTime() - started) / 1e9,
                    "method", method, "endpoint", endpoint);
        }
    }

    private String endpoint() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null || type.getAnnotation(Path.class) == null) {
            return "unmatched";
        }
        String template = "/api" + normalized(type.getAnnotation(Path.class).value());
        Path sub = method.getAnnotation(Path.class);
        return sub == null ? template : template + normalized(sub.value());
    }

    private static String normalized(String path) {
        String withSlash = path.startsWith("/") ? path : "/" + path;
        return withSlash.endsWith("/") && withSlash.length() > 1 ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }
}
