package org.keywarden.crypto.control;

import jakarta.ejb.ApplicationException;

/**
 * This node would seal to a certificate the installation no longer lists (another node retired it): nothing
 * is written; the node needs the installation's keystore. Names the certificate, never a value.
 */
@ApplicationException(rollback = true)
public class SealingCertificateRetired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SealingCertificateRetired(String fingerprint) {
        super("This node seals to encryption certificate " + fingerprint + ", which the installation no longer lists "
                + "(retired through another node): give this node the installation's encryption keystore");
    }
}
