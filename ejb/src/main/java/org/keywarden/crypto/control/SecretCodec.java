package org.keywarden.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * The one seam through which every secret (recovery password, key package, TPM owner hash) goes
 * into and out of the database. A sealed value starts with a format byte; format 0 is plain text,
 * kept until encryption at rest replaces it. {@code owner} and {@code field} name what the value
 * belongs to, so that a sealed value cannot be moved to another record unnoticed once it is bound.
 */
@ApplicationScoped
public class SecretCodec {

    static final byte FORMAT_PLAIN = 0;

    public byte[] seal(String owner, String field, byte[] plain) {
        byte[] sealed = new byte[plain.length + 1];
        sealed[0] = FORMAT_PLAIN;
        System.arraycopy(plain, 0, sealed, 1, plain.length);
        return sealed;
    }

    public byte[] open(String owner, String field, byte[] sealed) {
        if (sealed == null || sealed.length == 0 || sealed[0] != FORMAT_PLAIN) {
            throw new IllegalStateException("Unreadable sealed value of " + field + " of " + owner);
        }
        return Arrays.copyOfRange(sealed, 1, sealed.length);
    }
}
