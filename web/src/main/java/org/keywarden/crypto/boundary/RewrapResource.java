package org.keywarden.crypto.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.EncryptionAtRest;
import org.keywarden.crypto.control.RewrapJob;
import org.keywarden.crypto.control.RewrapProgress;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/**
 * {@code /api/v1/admin/encryption/rewrap} (administrators): progress of moving every stored secret to
 * the newest encryption certificate; start (optionally at most N records per second) and cancel.
 */
@Path("/v1/admin/encryption/rewrap")
@RequestScoped
public class RewrapResource {

    @Inject
    RewrapJob job;

    @Inject
    EncryptionAtRest encryption;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RewrapProgress progress() {
        return job.progress();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readOptionalObject(body));
        Integer perSecond = fields.optionalInteger("recordsPerSecond", 1, 100_000);
        fields.throwIfInvalid();
        requireEncryption();
        return Response.accepted(job.start(caller(), perSecond)).build();
    }

    @POST
    @Path("/cancellation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel() {
        return Response.accepted(job.cancel(caller())).build();
    }

    private void requireEncryption() {
        if (encryption.isPlainText()) {
            throw new ProblemException(409, "Conflict", "Encryption is off (KEYWARDEN_ENCRYPTION=none); "
                    + "there is no certificate to re-wrap to");
        }
    }

    private Caller caller() {
        return Caller.user(security.getUserPrincipal().getName(), ClientAddress.of(servletRequest));
    }
}
