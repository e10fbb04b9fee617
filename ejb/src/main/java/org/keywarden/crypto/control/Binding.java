package org.keywarden.crypto.control;

import java.util.Objects;

/**
 * Names what a sealed value belongs to, e.g. owner = a recovery key ID and field = {@code "recoveryPassword"}.
 *
 * @param owner the record the value belongs to; not empty
 * @param field the field of that record; not empty
 */
public record Binding(String owner, String field) {

    public Binding {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(field, "field");
        if (owner.isEmpty() || field.isEmpty()) {
            throw new IllegalArgumentException("owner and field of a binding must not be empty");
        }
    }

    @Override
    public String toString() {
        return "field '" + field + "' of '" + owner + "'";
    }
}
