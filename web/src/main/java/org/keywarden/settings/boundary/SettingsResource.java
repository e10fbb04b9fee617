package org.keywarden.settings.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.settings.control.ChangeSettings;

/**
 * {@code GET /api/v1/admin/settings} and {@code PUT /api/v1/admin/settings} (administrators): the
 * branding texts per language, the notice switch, session idle and key auto-hide minutes, and the
 * sign-in and self-service lockouts. A PUT changes the fields it holds and answers with all of them.
 */
@Path("/v1/admin/settings")
@RequestScoped
public class SettingsResource {

    @Inject
    ChangeSettings settings;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject current() {
        return SettingsJson.of(settings.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject change(InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        return SettingsJson.of(settings.change(SettingsJson.merged(json, settings.current()), AuditSource.API,
                ClientAddress.of(servletRequest)));
    }
}
