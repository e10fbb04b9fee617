package org.keywarden.escrow.control;

import java.nio.charset.StandardCharsets;
import org.keywarden.crypto.control.SecretCodec;

/** A new key's recovery password and key package (or none) sealed to its ID, and the certificate they are sealed to. */
record SealedKey(byte[] password, byte[] keyPackage, String sealedWith) {

    static SealedKey seal(SecretCodec.Sealer sealer, String keyId, RecoveryPassword password, byte[] keyPackage) {
        byte[] sealedPassword = sealer.seal(keyId, "recoveryPassword",
                password.value().getBytes(StandardCharsets.US_ASCII));
        byte[] sealedPackage = keyPackage == null ? null : sealer.seal(keyId, "keyPackage", keyPackage);
        return new SealedKey(sealedPassword, sealedPackage, sealer.sealedWith());
    }
}
