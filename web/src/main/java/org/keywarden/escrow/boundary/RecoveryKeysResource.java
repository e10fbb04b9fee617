package org.keywarden.escrow.boundary;

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
import org.keywarden.audit.control.Caller;
import org.keywarden.device.boundary.DeviceAuthenticated;
import org.keywarden.escrow.control.EscrowCommand;
import org.keywarden.escrow.control.EscrowRecoveryKey;
import org.keywarden.escrow.control.EscrowResult;
import org.keywarden.escrow.control.NewKeyEscrow;
import org.keywarden.escrow.control.RecoveryPassword;
import org.keywarden.escrow.entity.VolumeType;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;
import org.keywarden.platform.boundary.RetryOnConflict;

/** {@code POST /api/v1/devices/{deviceId}/recovery-keys}: a device escrows a recovery key. */
@Path("/v1/devices/{deviceId}/recovery-keys")
@DeviceAuthenticated
@RequestScoped
public class RecoveryKeysResource {

    static final int MAX_KEY_PACKAGE_BYTES = 64 * 1024;

    @Inject
    EscrowRecoveryKey escrowRecoveryKey;

    @Inject
    NewKeyEscrow newKeyEscrow;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response escrow(@PathParam("deviceId") String deviceId, InputStream body) {
        EscrowCommand command = parse(new RequestFields(JsonBodies.readObject(body)));
        Caller caller = Caller.device(deviceId, ClientAddress.of(servletRequest));
        EscrowResult result = newKeyEscrow.escrow(deviceId, command, caller)
                .orElseGet(() -> RetryOnConflict.call(() -> escrowRecoveryKey.escrow(deviceId, command, caller)));
        return switch (result.outcome()) {
            case STORED -> Response.status(Response.Status.CREATED).entity(response(result)).build();
            case ALREADY_STORED -> Response.ok(response(result)).build();
            case CONFLICT -> throw new ProblemException(409, "Conflict",
                    "Recovery key " + result.recoveryKeyId() + " was not stored: " + result.conflict());
        };
    }

    private static EscrowResponse response(EscrowResult result) {
        return new EscrowResponse(result.recoveryKeyId(), result.state().name(), result.escrowedAt());
    }

    private static EscrowCommand parse(RequestFields fields) {
        String volumeGuid = fields.guid("volumeId", true);
        VolumeType volumeType = fields.oneOf("volumeType", VolumeType.class, true);
        String driveLetter = fields.identifier("driveLetter", false, 256);
        String recoveryKeyId = fields.guid("recoveryKeyId", true);
        RecoveryPassword password = null;
        String rawPassword = fields.text("recoveryPassword", true, 100);
        if (rawPassword != null) {
            try {
                password = RecoveryPassword.parse(rawPassword);
            } catch (IllegalArgumentException e) {
                fields.reject("recoveryPassword", e.getMessage());
            }
        }
        byte[] keyPackage = fields.base64("keyPackage", false, 1, MAX_KEY_PACKAGE_BYTES);
        String replaces = fields.guid("replaces", false);
        if (replaces != null && replaces.equals(recoveryKeyId)) {
            fields.reject("replaces", "must name a key other than recoveryKeyId");
        }
        fields.throwIfInvalid();
        return new EscrowCommand(volumeGuid, volumeType, driveLetter, recoveryKeyId, password, keyPackage, replaces);
    }
}
