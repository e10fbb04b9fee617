package org.keywarden.disclosure.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keywarden.disclosure.control.FindRecoveryKeys;
import org.keywarden.disclosure.control.KeyIds;
import org.keywarden.platform.boundary.FieldError;
import org.keywarden.platform.boundary.ProblemException;

/**
 * {@code GET /api/v1/recovery-keys?keyId=} (8 to 32 hex digits of the recovery key ID, hyphens and
 * braces allowed) {@code or ?hostname=}: the keys that match, without any secret (helpdesk roles).
 */
@Path("/v1/recovery-keys")
@RequestScoped
public class KeySearchResource {

    @Inject
    FindRecoveryKeys find;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public KeysResponse find(@QueryParam("keyId") String keyId, @QueryParam("hostname") String hostname) {
        if ((keyId == null) == (hostname == null)) {
            throw ProblemException.invalid(List.of(new FieldError("keyId", "give either keyId or hostname")));
        }
        if (keyId != null) {
            String hex = KeyIds.hexDigits(keyId).orElseThrow(() -> ProblemException.invalid(List.of(
                    new FieldError("keyId", "must be the first 8 to 32 hex digits of the recovery key ID"))));
            return new KeysResponse(find.byKeyIdPrefix(hex));
        }
        if (hostname.isBlank() || hostname.length() > 255 || hostname.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalid(List.of(new FieldError("hostname", "must be 1 to 255 characters")));
        }
        return new KeysResponse(find.byHostname(hostname));
    }
}
