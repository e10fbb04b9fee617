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
 * of failure (never the value) for the administrator to investigate. A value sealed to a certificate this
 * node's keystore does not hold is this node's fault, not the record's: a 503 (another node, or this one
 * given the installation's keystore, can answer), so that a device sends again later.
 */
@Provider
public class IntegrityFailureMapper implements ExceptionMapper<SealedValueIntegrityException> {

    private static final Logger LOG = Logger.getLogger(IntegrityFailureMapper.class.getName());

    @Override
    public Response toResponse(SealedValueIntegrityException failure) {
        String incident = UUID.randomUUID().toString();
        LOG.severe(() -> "Integrity failure (incident " + incident + "): " + failure.getMessage());
        if (failure.kind() == SealedValueIntegrityException.Kind.NO_MATCHING_KEY) {
            return Problems.unavailable("This node cannot open the stored data",
                    "The stored secret is sealed to a certificate this node's encryption keystore does not hold; "
                            + "every node needs the installation's keystore (incident " + incident + ")", 60);
        }
        return Problems.of(500, "Stored data failed its integrity check",
                "A stored secret could not be verified and is not used (incident " + incident + ")");
    }
}
