package org.keywarden.escrow.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keywarden.audit.control.Caller;
import org.keywarden.device.boundary.DeviceAuthenticated;
import org.keywarden.escrow.control.RecordTpmOwnerInfo;
import org.keywarden.escrow.control.TpmOwnerReport;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.RequestFields;
import org.keywarden.platform.boundary.RetryOnConflict;

/** {@code PUT /api/v1/devices/{deviceId}/tpm}: a device reports its TPM owner authorization hash. */
@Path("/v1/devices/{deviceId}/tpm")
@DeviceAuthenticated
@RequestScoped
public class TpmResource {

    @Inject
    RecordTpmOwnerInfo recordTpmOwnerInfo;

    @Context
    HttpServletRequest servletRequest;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("deviceId") String deviceId, InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        TpmOwnerReport report = new TpmOwnerReport(fields.base64("ownerAuthHash", true, 20, 64),
                fields.time("reportedAt", true));
        fields.throwIfInvalid();
        Caller caller = Caller.device(deviceId, ClientAddress.of(servletRequest));
        // two first reports at once both insert the row; the second, asked again, updates it
        RetryOnConflict.call(() -> recordTpmOwnerInfo.record(deviceId, report, caller));
        return Response.noContent().build();
    }
}
