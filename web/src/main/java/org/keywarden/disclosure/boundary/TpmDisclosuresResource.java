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
import java.time.Instant;
import java.util.Locale;
import org.keywarden.disclosure.control.DiscloseTpmOwnerHash;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.platform.boundary.RequestFields;

/**
 * {@code POST /api/v1/devices/{deviceId}/tpm/disclosures} (advanced helpdesk and administrators, HTTP
 * Basic): the device's TPM owner authorization hash, with a TPM reason; audited before it is returned,
 * never cached. The rules are {@link DiscloseTpmOwnerHash}'s.
 */
@Path("/v1/devices/{deviceId}/tpm/disclosures")
@RequestScoped
public class TpmDisclosuresResource {

    @Inject
    DiscloseTpmOwnerHash disclose;

    @Context
    HttpServletRequest servletRequest;

    /** The hash (base64) and when the device reported it. {@link #toString()} hides the hash. */
    public record TpmDisclosureResponse(String ownerAuthHash, Instant reportedAt) {
        @Override
        public String toString() {
            return "TpmDisclosureResponse[" + reportedAt + "]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response disclose(@PathParam("deviceId") String deviceId, InputStream body) {
        RequestFields fields = new RequestFields(JsonBodies.readObject(body));
        String reason = fields.text("reason", false, 64);
        String reasonText = fields.text("reasonText", false, 100_000);
        fields.throwIfInvalid();
        String id = Guids.normalize(deviceId);
        return disclose.disclose(id == null ? null : id.toLowerCase(Locale.ROOT), reason, reasonText,
                        AuditSource.API, ClientAddress.of(servletRequest))
                .map(hash -> Response.ok(new TpmDisclosureResponse(hash.ownerAuthHash(), hash.reportedAt()))
                        .header("Cache-Control", "no-store").header("Pragma", "no-cache").build())
                .orElseThrow(() -> new ProblemException(404, "Not Found", "No TPM owner information for this device"));
    }
}
