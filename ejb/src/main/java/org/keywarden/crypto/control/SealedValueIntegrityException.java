package org.keywarden.crypto.control;

import jakarta.ejb.ApplicationException;

/**
 * A sealed value could not be opened; the message names the binding and the kind, never plaintext or keys.
 * An application exception: it rolls the transaction back and reaches the caller as itself, not as an
 * EJBException that would be mistaken for a conflict worth retrying.
 */
@ApplicationException(rollback = true)
public class SealedValueIntegrityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong while opening a sealed value. */
    public enum Kind {
        /** Not a DER CMS AuthEnvelopedData structure of the expected shape. */
        MALFORMED("is not a well-formed sealed value (DER CMS AuthEnvelopedData)"),
        /** Uses an algorithm other than RSA-OAEP-SHA256 key transport and AES-256-GCM. */
        UNSUPPORTED_ALGORITHM("uses an unsupported algorithm"),
        /** Wrapped to a certificate whose private key is not in the key ring. */
        NO_MATCHING_KEY("is wrapped to a certificate that is not in the encryption keystore"),
        /** Bound to another owner or field, i.e. moved or copied from elsewhere. */
        BINDING_MISMATCH("is bound to another owner or field"),
        /** Key unwrap or GCM tag verification failed: tampered, corrupted or wrong key. */
        AUTHENTICATION_FAILED("failed authentication (tampered or corrupted)"),
        /** Plain text in a record whose {@code sealed_with} names a certificate: written by someone else. */
        PLAIN_IN_SEALED_RECORD("is plain text, but its record says it is sealed to a certificate");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final Kind kind;

    SealedValueIntegrityException(Kind kind, Binding binding, String detail, Throwable cause) {
        super("Sealed value " + (binding == null ? "" : "for " + binding + " ") + kind.description
                + (detail == null ? "" : ": " + detail), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
