package org.keywarden.agent.bitlocker;

import java.util.Objects;

/**
 * A key protector of a volume, without any secret.
 *
 * @param id   key protector GUID, upper case without braces (for a recovery password this is the
 *             recovery key ID)
 * @param type protector type
 */
public record KeyProtector(String id, ProtectorType type) {
    public KeyProtector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** Whether this protector is a 48-digit recovery password. */
    public boolean isRecoveryPassword() {
        return type == ProtectorType.RECOVERY_PASSWORD;
    }
}
