package org.keywarden.crypto.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.EncryptionAtRest;
import org.keywarden.crypto.control.ManageCertificates;
import org.keywarden.platform.boundary.ProblemException;

/**
 * {@code /api/v1/admin/encryption/certificates} (administrators): add a new encryption certificate to
 * the keystore (it encrypts from then on), or retire an old one that no record needs any more.
 */
@Path("/v1/admin/encryption/certificates")
@RequestScoped
public class CertificatesResource {

    @Inject
    ManageCertificates certificates;

    @Inject
    EncryptionAtRest encryption;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response add() {
        if (encryption.isPlainText()) {
            throw new ProblemException(409, "Conflict", "Encryption is off (KEYWARDEN_ENCRYPTION=none)");
        }
        return Response.status(Response.Status.CREATED).entity(new Added(certificates.add(caller()))).build();
    }

    @DELETE
    @Path("/{fingerprint}")
    public Response retire(@PathParam("fingerprint") String fingerprint, @QueryParam("force") boolean force) {
        return switch (certificates.retire(fingerprint.toLowerCase(java.util.Locale.ROOT), force, caller())) {
            case RETIRED -> Response.noContent().build();
            case NOT_FOUND -> throw new ProblemException(404, "Not Found", "No such encryption certificate");
            case NEWEST -> throw new ProblemException(409, "Conflict",
                    "The newest certificate encrypts new values; add another one before retiring it");
            case STILL_NEEDED -> throw new ProblemException(409, "Conflict",
                    "Records are still sealed to this certificate; re-wrap them first");
            case BACKUP_UNCONFIRMED -> throw new ProblemException(409, "Conflict",
                    "The backup of the keystore with the newest certificate is not confirmed: back it up and confirm "
                            + "(POST /api/v1/admin/encryption/backup-confirmation), or retire with ?force=true");
        };
    }

    private Caller caller() {
        return Caller.user(security.getUserPrincipal().getName(), ClientAddress.of(servletRequest));
    }

    /** The fingerprint of the certificate just added. */
    public record Added(String fingerprint) {
    }
}
