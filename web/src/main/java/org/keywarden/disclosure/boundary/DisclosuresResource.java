package org.keywarden.disclosure.boundary;

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
import java.util.Base64;
import org.keywarden.disclosure.control.DiscloseRecoveryKey;
import org.keywarden.disclosure.control.DisclosureRequest;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/**
 * {@code POST /api/v1/recovery-keys/{recoveryKeyId}/disclosures}: shows a recovery key to a helpdesk
 * user, advanced helpdesk user or administrator, with a reason. Who may see what and which reasons are
 * valid is decided by {@link DiscloseRecoveryKey}, for this API and the helpdesk portal alike; here only
 * the JSON is read. Audited before it is shown; the key becomes DISCLOSED and its device is asked to
 * rotate it. The answer is never cached.
 */
@Path("/v1/recovery-keys/{recoveryKeyId}/disclosures")
@RequestScoped
public class DisclosuresResource {

    @Inject
    DiscloseRecoveryKey disclose;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response disclose(@PathParam("recoveryKeyId") String recoveryKeyId, InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        String reason = fields.text("reason", false, 64);
        String reasonText = fields.text("reasonText", false, 100_000);
        String endUser = fields.text("endUser", false, 100_000);
        boolean includeKeyPackage = fields.flag("includeKeyPackage", false);
        fields.throwIfInvalid();
        DisclosureRequest request = new DisclosureRequest(Guids.normalize(recoveryKeyId), reason, reasonText, endUser,
                includeKeyPackage, AuditSource.API);
        return disclose.disclose(request, ClientAddress.of(servletRequest))
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
