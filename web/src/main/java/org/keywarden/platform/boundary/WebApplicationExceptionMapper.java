package org.keywarden.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the JAX-RS runtime's own errors (unknown path 404, wrong method 405, wrong media type
 * 415, unreadable body 400) as problem+json with the same status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Only application/json responses are available";
            case 415 -> "The request body must be application/json";
            case 400 -> "The request could not be read";
            default -> title;
        };
        Response.ResponseBuilder response = Response.fromResponse(Problems.of(status, title, detail));
        if (original != null && original.getHeaderString("Allow") != null) {
            response.header("Allow", original.getHeaderString("Allow"));
        }
        return response.build();
    }
}
