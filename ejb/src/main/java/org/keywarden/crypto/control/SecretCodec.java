package org.keywarden.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * The one seam through which every secret (recovery password, key package, TPM owner hash) goes into
 * and out of the database. A sealed value is a format byte and then either the plain bytes (format 0,
 * only with {@code KEYWARDEN_ENCRYPTION=none} or from before encryption was on) or a CMS envelope
 * (format 1) bound to its owner and field, so that a value moved to another record fails to open.
 * A plain value opens only in a record whose {@code sealed_with} says {@value #PLAIN}: one written into
 * a sealed record's column is refused, so that a database writer cannot plant a password of their choosing.
 */
@ApplicationScoped
public class SecretCodec {

    static final byte FORMAT_PLAIN = 0;
    static final byte FORMAT_CMS = 1;
    public static final String PLAIN = "plain";

    @Inject
    EncryptionAtRest encryption;

    @Inject
    SealingCertificates certificates;

    /**
     * Seals values to one snapshot of the key ring, so that everything a record holds is sealed to the
     * certificate {@link Sealer#sealedWith()} names, even while a certificate is being added.
     */
    public Sealer sealer() {
        encryption.reloadIfChanged(); // a keystore shared with other nodes may have a newer certificate
        KeyRing keys = encryption.keyRing();
        if (keys != null) {
            certificates.hold(KeyRing.fingerprint(keys.newest()));
        }
        return new Sealer(keys);
    }

    /**
     * As {@link #sealer()}, for a write outside the container's transaction (plain JDBC): the caller holds the
     * certificate itself, with {@link SealingCertificates#hold(java.sql.Connection, String)} in the transaction
     * that stores what this sealer sealed.
     */
    public Sealer sealerHeldByCaller() {
        encryption.reloadIfChanged();
        return new Sealer(encryption.keyRing());
    }

    /** Seals with one fixed certificate (or plain text when encryption is off). */
    public static final class Sealer {

        private final KeyRing keys;

        Sealer(KeyRing keys) {
            this.keys = keys;
        }

        public byte[] seal(String owner, String field, byte[] plain) {
            byte[] body = keys == null ? plain : Envelope.seal(plain, new Binding(owner, field), keys.newest());
            byte[] sealed = new byte[body.length + 1];
            sealed[0] = keys == null ? FORMAT_PLAIN : FORMAT_CMS;
            System.arraycopy(body, 0, sealed, 1, body.length);
            return sealed;
        }

        /** The fingerprint of the certificate this sealer seals to, or {@value SecretCodec#PLAIN}. */
        public String sealedWith() {
            return keys == null ? PLAIN : KeyRing.fingerprint(keys.newest());
        }
    }

    /**
     * {@code sealedWith}: the record's {@code sealed_with}, the certificate it says its values are sealed
     * to, or {@value #PLAIN}.
     *
     * @throws SealedValueIntegrityException when the value was altered, belongs to another record or
     *         field, is plain in a record that says it is sealed, or no configured certificate can open it
     */
    public byte[] open(String owner, String field, byte[] sealed, String sealedWith) {
        Binding binding = new Binding(owner, field);
        if (sealed == null || sealed.length == 0) {
            throw new SealedValueIntegrityException(SealedValueIntegrityException.Kind.MALFORMED, binding, "empty value",
                    null);
        }
        byte[] body = Arrays.copyOfRange(sealed, 1, sealed.length);
        KeyRing keys = encryption.keyRing();
        return switch (sealed[0]) {
            case FORMAT_PLAIN -> {
                if (!PLAIN.equals(sealedWith)) {
                    throw new SealedValueIntegrityException(SealedValueIntegrityException.Kind.PLAIN_IN_SEALED_RECORD,
                            binding, null, null);
                }
                yield body;
            }
            case FORMAT_CMS -> {
                if (keys == null) {
                    throw new SealedValueIntegrityException(SealedValueIntegrityException.Kind.NO_MATCHING_KEY, binding,
                            "encrypted, but encryption is off (KEYWARDEN_ENCRYPTION=none)", null);
                }
                yield openEnvelope(body, binding, keys);
            }
            default -> throw new SealedValueIntegrityException(SealedValueIntegrityException.Kind.MALFORMED, binding,
                    "unknown format " + sealed[0], null);
        };
    }

    /**
     * A value sealed to a certificate this node's key ring lacks: when the keystore file changed (another
     * node added a certificate to a keystore they share), it is read again and the value opened once more.
     */
    private byte[] openEnvelope(byte[] body, Binding binding, KeyRing keys) {
        try {
            return Envelope.open(body, binding, keys);
        } catch (SealedValueIntegrityException e) {
            if (e.kind() != SealedValueIntegrityException.Kind.NO_MATCHING_KEY || !encryption.reloadIfChanged()) {
                throw e;
            }
            return Envelope.open(body, binding, encryption.keyRing());
        }
    }

    /** The fingerprint of the certificate new values are sealed to, or {@value #PLAIN}. */
    public String sealingCertificate() {
        KeyRing keys = encryption.keyRing();
        return keys == null ? PLAIN : KeyRing.fingerprint(keys.newest());
    }
}
