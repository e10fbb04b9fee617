package org.keywarden.checkin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keywarden.checkin.control.PendingActions;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.device.boundary.DeviceAuthenticated;

/** {@code GET /api/v1/devices/{deviceId}/actions}: pending actions, without reporting status. */
@Path("/v1/devices/{deviceId}/actions")
@DeviceAuthenticated
@RequestScoped
public class ActionsResource {

    @Inject
    PendingActions pendingActions;

    @Inject
    KeywardenSettings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ActionsResponse actions(@PathParam("deviceId") String deviceId) {
        return ActionsResponse.of(pendingActions.of(deviceId), settings.checkInIntervalMinutes());
    }
}
