package org.keywarden.device.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.device.control.AuthenticateDevice;
import org.keywarden.platform.boundary.Problems;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} of the device named in the
 * path: 401 without a valid token, 403 for another device's path (a refused write is audited).
 */
@Provider
@DeviceAuthenticated
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class DeviceAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AuthenticateDevice authenticateDevice;

    @Inject
    AuditTrail audit;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> device = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authenticateDevice.deviceOf(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (device.isEmpty()) {
            request.abortWith(Response.fromResponse(
                    Problems.of(401, "Unauthorized", "A valid device token is required (Authorization: Bearer)"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"keywarden\"").build());
            return;
        }
        String pathDevice = request.getUriInfo().getPathParameters().getFirst("deviceId");
        if (!device.get().equals(pathDevice)) {
            if (!"GET".equals(request.getMethod())) {
                audit.record(AuditRecord.failure(Caller.device(device.get(), servletRequest.getRemoteAddr()),
                        "DEVICE_WRITE_REFUSED", null, "token of device " + device.get() + " used for another device's "
                                + request.getMethod() + " " + request.getUriInfo().getPath()));
            }
            request.abortWith(Problems.of(403, "Forbidden", "This token acts only on its own device"));
        }
    }
}
