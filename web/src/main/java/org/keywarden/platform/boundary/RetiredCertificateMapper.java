package org.keywarden.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.keywarden.crypto.control.SealingCertificateRetired;

/**
 * This node would seal to a certificate another node retired: nothing was stored, and another node (or this
 * one, once it has the installation's keystore) can take the request: a 503 with Retry-After, so that a
 * device sends again.
 */
@Provider
public class RetiredCertificateMapper implements ExceptionMapper<SealingCertificateRetired> {

    private static final Logger LOG = Logger.getLogger(RetiredCertificateMapper.class.getName());

    @Override
    public Response toResponse(SealingCertificateRetired refusal) {
        LOG.severe(refusal::getMessage);
        return Problems.unavailable("This node cannot store secrets now",
                "Its encryption certificate was retired through another node; nothing was stored", 60);
    }
}
