package org.keywarden.device.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keywarden.audit.control.Caller;
import org.keywarden.device.control.EnrollCommand;
import org.keywarden.device.control.EnrollDevice;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/** {@code POST /api/v1/devices}: a device enrolls with the organisation's enrollment secret; the answer holds its token, so it is never stored by a cache. */
@Path("/v1/devices")
@RequestScoped
public class DevicesResource {

    @Inject
    EnrollDevice enrollDevice;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        EnrollCommand command = new EnrollCommand(
                fields.text("enrollmentSecret", true, 1000),
                fields.identifier("hostname", true, 255),
                fields.identifier("domain", true, 256),
                fields.text("serialNumber", false, 256),
                fields.text("osVersion", false, 256),
                fields.texts("users", 100, 256),
                fields.flag("migratedFromMbam", false));
        fields.throwIfInvalid();
        return enrollDevice.enroll(command, Caller.anonymous(ClientAddress.of(servletRequest)))
                .map(e -> Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                        .entity(new EnrollmentResponse(e.deviceId(), e.deviceToken())).build())
                .orElseThrow(() -> new ProblemException(401, "Unauthorized", "The enrollment secret is wrong"));
    }
}
