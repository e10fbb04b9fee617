package org.keywarden.device.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.device.control.ManageAssociations;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/**
 * {@code POST /api/v1/admin/devices/{deviceId}/users} {@code {"principal"}} (201 associated, 200 already
 * was) and {@code DELETE /api/v1/admin/devices/{deviceId}/users?principal=} (204; 404 no such
 * association): administrators associate users with a device for self-service. The rules are
 * {@link ManageAssociations}'s.
 */
@Path("/v1/admin/devices/{deviceId}/users")
@RequestScoped
public class DeviceUsersResource {

    @Inject
    ManageAssociations associations;

    @Context
    HttpServletRequest servletRequest;

    /** The association as stored. */
    public record AssociationResponse(String deviceId, String principal) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response associate(@PathParam("deviceId") String deviceId, InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        String principal = fields.identifier("principal", true, 256);
        fields.throwIfInvalid();
        String id = device(deviceId);
        boolean added = associations.associate(id, principal, AuditSource.API, ClientAddress.of(servletRequest));
        return Response.status(added ? 201 : 200).entity(new AssociationResponse(id, principal)).build();
    }

    @DELETE
    public Response remove(@PathParam("deviceId") String deviceId, @QueryParam("principal") String principal) {
        if (!associations.remove(device(deviceId), principal, AuditSource.API, ClientAddress.of(servletRequest))) {
            throw new ProblemException(404, "Not Found", "This user is not associated with the device");
        }
        return Response.noContent().build();
    }

    private static String device(String deviceId) {
        String id = Guids.normalize(deviceId);
        if (id == null) {
            throw new ProblemException(404, "Not Found", "No such device");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
