package org.keywarden.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keywarden.platform.control.Conflict;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.NotFound;
import org.keywarden.platform.control.NotPermitted;
import org.keywarden.platform.control.TooManyRequests;

/** The control layer's refusals as problem+json: invalid input 400 naming the fields, a missing right 403, a clash with what is stored 409, something named that does not exist 404, too many failures from one address 429. */
public final class RefusalMappers {

    private RefusalMappers() {
    }

    @Provider
    public static class InvalidInputMapper implements ExceptionMapper<InvalidInput> {
        @Override
        public Response toResponse(InvalidInput invalid) {
            return Problems.of(ProblemException.invalid(invalid.violations().stream()
                    .map(v -> new FieldError(v.field(), v.message())).toList()));
        }
    }

    @Provider
    public static class NotPermittedMapper implements ExceptionMapper<NotPermitted> {
        @Override
        public Response toResponse(NotPermitted refused) {
            return Problems.of(403, "Forbidden", refused.getMessage());
        }
    }

    @Provider
    public static class ConflictMapper implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict conflict) {
            return Problems.of(409, "Conflict", conflict.getMessage());
        }
    }

    @Provider
    public static class NotFoundMapper implements ExceptionMapper<NotFound> {
        @Override
        public Response toResponse(NotFound missing) {
            return Problems.of(404, "Not Found", missing.getMessage());
        }
    }

    @Provider
    public static class TooManyRequestsMapper implements ExceptionMapper<TooManyRequests> {
        @Override
        public Response toResponse(TooManyRequests refused) {
            return tooMany(refused);
        }
    }

    /** 429 with the seconds to wait in {@code Retry-After}. */
    public static Response tooMany(TooManyRequests refused) {
        return Response.fromResponse(Problems.of(429, "Too Many Requests", refused.getMessage()))
                .header("Retry-After", String.valueOf(refused.retryAfter())).build();
    }

    /** {@code @RolesAllowed} on a control bean refused the caller. */
    @Provider
    public static class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException refused) {
            return Problems.of(403, "Forbidden", "Your roles do not allow this");
        }
    }
}
