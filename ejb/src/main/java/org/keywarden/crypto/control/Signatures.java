package org.keywarden.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Signatures with the encryption keystore's newest key (RSASSA-PSS, SHA-256): for audit checkpoints,
 * which must be signed with a key that is not in the database. Anyone with the certificate can verify
 * one; only the keystore can make one. None while encryption is off (no keystore).
 */
@ApplicationScoped
public class Signatures {

    static final String ALGORITHM = "RSASSA-PSS";

    @Inject
    EncryptionAtRest encryption;

    /** A signature and the fingerprint of the certificate that verifies it. */
    public record Signed(String fingerprint, String signature) {
    }

    public Optional<Signed> sign(String text) {
        if (encryption.isPlainText()) {
            return Optional.empty();
        }
        KeyRing.Entry entry = encryption.keyRing().newestEntry();
        try {
            Signature signer = signature();
            signer.initSign(entry.privateKey());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new Signed(entry.fingerprint(), Base64.getEncoder().encodeToString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with certificate " + entry.fingerprint(), e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code text} by the certificate with that fingerprint. */
    public boolean verify(String text, String fingerprint, String signature) {
        if (encryption.isPlainText() || fingerprint == null || signature == null) {
            return false;
        }
        return encryption.keyRing().certificate(fingerprint).map(certificate -> {
            try {
                Signature verifier = signature();
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(text.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(Base64.getDecoder().decode(signature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }).orElse(false);
    }

    /** Whether the keystore still holds the certificate with this fingerprint. */
    public boolean knows(String fingerprint) {
        return !encryption.isPlainText() && encryption.keyRing().certificate(fingerprint).isPresent();
    }

    private static Signature signature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return signature;
    }
}
