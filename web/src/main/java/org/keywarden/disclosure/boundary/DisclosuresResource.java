package org.keywarden.disclosure.boundary;

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
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Base64;
import org.keywarden.disclosure.control.DiscloseRecoveryKey;
import org.keywarden.disclosure.control.Discloser;
import org.keywarden.disclosure.control.DisclosureRequest;
import org.keywarden.disclosure.control.DriveUnlockReason;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/**
 * {@code POST /api/v1/recovery-keys/{recoveryKeyId}/disclosures}: shows a recovery key to a helpdesk
 * user, advanced helpdesk user or administrator, with a reason; a helpdesk user must name the end user,
 * and only advanced helpdesk and administrators get the key package. Audited before it is shown; the
 * key becomes DISCLOSED and its device is asked to rotate it. The answer is never cached.
 */
@Path("/v1/recovery-keys/{recoveryKeyId}/disclosures")
@RequestScoped
public class DisclosuresResource {

    @Inject
    DiscloseRecoveryKey disclose;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response disclose(@PathParam("recoveryKeyId") String recoveryKeyId, InputStream body) {
        Discloser discloser = Callers.of(security, servletRequest);
        if (!discloser.mayDisclose()) {
            throw new ProblemException(403, "Forbidden", "Disclosing keys needs a helpdesk role");
        }
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        DriveUnlockReason reason = fields.oneOf("reason", DriveUnlockReason.class, true);
        String reasonText = fields.text("reasonText", reason == DriveUnlockReason.OTHER, 1000);
        String endUser = fields.text("endUser", !discloser.isAdvanced(), 256);
        boolean includeKeyPackage = fields.flag("includeKeyPackage", false);
        fields.throwIfInvalid();
        if (includeKeyPackage && !discloser.isAdvanced()) {
            throw new ProblemException(403, "Forbidden", "Key packages are for advanced helpdesk and administrators");
        }
        String keyId = Guids.normalize(recoveryKeyId);
        if (keyId == null) {
            throw unknown();
        }
        DisclosureRequest request = new DisclosureRequest(keyId, reason, reasonText, endUser, includeKeyPackage);
        return disclose.disclose(request, discloser)
                .map(key -> Response.ok(new DisclosureResponse(key.recoveryKeyId(), key.recoveryPassword(),
                                key.keyPackage() == null ? null : Base64.getEncoder().encodeToString(key.keyPackage()),
                                true))
                        .header("Cache-Control", "no-store").header("Pragma", "no-cache").build())
                .orElseThrow(DisclosuresResource::unknown);
    }

    private static ProblemException unknown() {
        return new ProblemException(404, "Not Found", "No such recovery key");
    }
}
