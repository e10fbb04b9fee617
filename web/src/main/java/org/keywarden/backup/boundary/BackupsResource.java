package org.keywarden.backup.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.keywarden.audit.control.Caller;
import org.keywarden.backup.control.BackupReport;
import org.keywarden.backup.control.TakeBackup;
import org.keywarden.platform.boundary.ClientAddress;

/**
 * {@code POST /api/v1/admin/backups} (administrators): writes a backup into the node's data directory
 * ({@code backups/<time>/}) and answers 201 with what it holds (never a secret).
 */
@Path("/v1/admin/backups")
@RequestScoped
public class BackupsResource {

    @Inject
    TakeBackup backup;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response take() {
        BackupReport report = backup.take(Caller.user(security.getUserPrincipal().getName(),
                ClientAddress.of(servletRequest)));
        return Response.status(201).entity(report).build();
    }
}
