package org.keywarden.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a request whose declared body is over {@link JsonBodies#MAX_BYTES} before anything reads it.
 * Bodies without a declared length are cut off at the same size while they are read.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared == null) {
            return;
        }
        try {
            if (Long.parseLong(declared.strip()) > JsonBodies.MAX_BYTES) {
                request.abortWith(JsonBodies.tooLarge());
            }
        } catch (NumberFormatException e) {
            request.abortWith(Problems.of(400, "Bad Request", "Content-Length is not a number"));
        }
    }
}
