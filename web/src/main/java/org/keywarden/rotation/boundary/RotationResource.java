package org.keywarden.rotation.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;
import org.keywarden.rotation.control.RequestRotation;

/**
 * {@code POST /api/v1/admin/devices/{deviceId}/rotation} (advanced helpdesk and administrators) and
 * {@code POST /api/v1/admin/rotation} (administrators): 202 with how many keys the devices will replace
 * at their next check-in. The rules are {@link RequestRotation}'s.
 */
@Path("/v1/admin")
@RequestScoped
public class RotationResource {

    @Inject
    RequestRotation rotation;

    @Context
    HttpServletRequest servletRequest;

    /** How many keys were asked to rotate. */
    public record RotationResponse(int keys) {
    }

    @POST
    @Path("/devices/{deviceId}/rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response device(@PathParam("deviceId") String deviceId, InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        String keyId = fields.guid("recoveryKeyId", false);
        String reason = fields.text("reason", false, 100_000);
        fields.throwIfInvalid();
        String id = Guids.normalize(deviceId);
        return rotation.forDevice(id == null ? null : id.toLowerCase(Locale.ROOT), keyId, reason, AuditSource.API,
                        ClientAddress.of(servletRequest))
                .stream().mapToObj(n -> Response.accepted(new RotationResponse(n)).build()).findFirst()
                .orElseThrow(() -> new ProblemException(404, "Not Found", keyId == null ? "No such device"
                        : "No such active key on this device"));
    }

    @POST
    @Path("/rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response olderThan(InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        Integer days = fields.optionalInteger("olderThanDays", 1, 36_500);
        String reason = fields.text("reason", false, 100_000);
        if (days == null && fields.isValid()) {
            fields.reject("olderThanDays", "is required");
        }
        fields.throwIfInvalid();
        return Response.accepted(new RotationResponse(rotation.olderThan(days, reason, AuditSource.API,
                ClientAddress.of(servletRequest)))).build();
    }
}
