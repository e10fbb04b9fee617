package org.keywarden.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * A browser that has cached an administrator's Basic credentials would send them with a forged
 * cross-site form too. A form can send neither a JSON content type nor a custom header (and a script on
 * another site cannot without our CORS consent), so every state-changing call of the admin and helpdesk
 * API must carry one of them: {@code Content-Type: application/json}, or {@code X-Requested-By} for the
 * calls without a body. Device endpoints take bearer tokens a browser never sends by itself.
 */
@Provider
@PreMatching
public class CrossSiteRequestGuard implements ContainerRequestFilter {

    static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!UserApiPaths.matches(request.getUriInfo().getPath()) || SAFE.contains(request.getMethod())) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        String header = request.getHeaderString(HEADER);
        if (!json && (header == null || header.isBlank())) {
            throw ProblemException.invalid(List.of(new FieldError("Content-Type",
                    "a state-changing call needs Content-Type: application/json or an " + HEADER + " header")));
        }
    }
}
