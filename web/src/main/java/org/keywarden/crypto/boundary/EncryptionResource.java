package org.keywarden.crypto.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.EncryptionAtRest;
import org.keywarden.crypto.control.EncryptionReport;
import org.keywarden.crypto.control.EncryptionStatus;
import org.keywarden.platform.boundary.ProblemException;

/**
 * {@code /api/v1/admin/encryption} (administrators): how secrets are kept at rest, with the warnings
 * an administrator must act on, and the confirmation that the generated keystore was backed up.
 */
@Path("/v1/admin/encryption")
@RequestScoped
public class EncryptionResource {

    @Inject
    EncryptionStatus encryptionStatus;

    @Inject
    EncryptionAtRest encryption;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EncryptionReport status() {
        return encryptionStatus.report();
    }

    @POST
    @Path("/backup-confirmation")
    @Produces(MediaType.APPLICATION_JSON)
    public BackupConfirmation confirmBackup() {
        if (encryption.isPlainText()) {
            throw new ProblemException(409, "Conflict", "Encryption is off (KEYWARDEN_ENCRYPTION=none); "
                    + "there is no keystore to back up");
        }
        Caller caller = Caller.user(security.getUserPrincipal().getName(), ClientAddress.of(servletRequest));
        return new BackupConfirmation(encryptionStatus.confirmBackup(caller));
    }

    /** Which certificate's keystore the administrator confirmed to have backed up. */
    public record BackupConfirmation(String confirmedFor) {
    }
}
