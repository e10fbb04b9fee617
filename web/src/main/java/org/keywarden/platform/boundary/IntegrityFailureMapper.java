package org.keywarden.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Logger;
import org.keywarden.crypto.control.SealedValueIntegrityException;

/**
 * A stored secret that fails its integrity check (altered, or moved from another record) is never
 * shown; the answer is a 500 problem with an incident id, and the log names the record and the kind
 * of failure (never the value) for the administrator to investigate.
 */
@Provider
public class IntegrityFailureMapper implements ExceptionMapper<SealedValueIntegrityException> {

    private static final Logger LOG = Logger.getLogger(IntegrityFailureMapper.class.getName());

    @Override
    public Response toResponse(SealedValueIntegrityException failure) {
        String incident = UUID.randomUUID().toString();
        LOG.severe(() -> "Integrity failure (incident " + incident + "): " + failure.getMessage());
        return Problems.of(500, "Stored data failed its integrity check",
                "A stored secret could not be verified and is not used (incident " + incident + ")");
    }
}
