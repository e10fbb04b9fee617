package org.keywarden.device.boundary;

import org.keywarden.platform.boundary.ClientAddress;
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
import org.keywarden.device.control.DeviceFailures;
import org.keywarden.platform.control.TooManyRequests;
import org.keywarden.platform.boundary.Problems;
import org.keywarden.platform.boundary.RefusalMappers;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} of the device named in the
 * path: 401 without a valid token, 403 for another device's path (a refused write is audited). Invalid
 * tokens are counted per source address ({@link DeviceFailures}): too many, and the source's further invalid
 * ones get 429 for a while (valid tokens from it are still served).
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

    @Inject
    DeviceFailures failures;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        Optional<String> device = bearer ? authenticateDevice.deviceOf(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (bearer && device.isEmpty()) {
            try {
                failures.failed(DeviceFailures.Kind.TOKEN, Caller.anonymous(ClientAddress.of(servletRequest)),
                        "invalid device token for " + request.getMethod() + " " + abbreviated(request.getUriInfo().getPath()));
            } catch (TooManyRequests throttled) {
                request.abortWith(RefusalMappers.tooMany(throttled));
                return;
            }
        }
        if (device.isEmpty()) {
            request.abortWith(Response.fromResponse(
                    Problems.of(401, "Unauthorized", "A valid device token is required (Authorization: Bearer)"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"keywarden\"").build());
            return;
        }
        String pathDevice = request.getUriInfo().getPathParameters().getFirst("deviceId");
        if (!device.get().equals(pathDevice)) {
            if (!"GET".equals(request.getMethod())) {
                audit.record(AuditRecord.failure(Caller.device(device.get(), ClientAddress.of(servletRequest)),
                        "DEVICE_WRITE_REFUSED", null, "token of device " + device.get() + " used for another device's "
                                + request.getMethod() + " " + request.getUriInfo().getPath()));
            }
            request.abortWith(Problems.of(403, "Forbidden", "This token acts only on its own device"));
        }
    }

    private static String abbreviated(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }
}
