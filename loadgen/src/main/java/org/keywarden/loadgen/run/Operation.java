package org.keywarden.loadgen.run;

import java.util.Locale;

/** What one simulated request does. */
public enum Operation {
    /** Enroll a fresh device (201 expected). */
    ENROLL,
    /** Escrow a fresh recovery key for one of a device's volumes, replacing its previous one (201/200 expected). */
    ESCROW,
    /** Report the status of all of a device's volumes (200 expected). */
    CHECKIN,
    /** {@code GET /api/v1/health}: no device, no database (200 expected); the HTTP ceiling of the server. */
    HEALTH;

    /** The name used on the command line and in results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code status} is the success answer of this operation. */
    public boolean succeeded(int status) {
        return switch (this) {
            case ENROLL -> status == 201;
            case ESCROW -> status == 200 || status == 201;
            case CHECKIN, HEALTH -> status == 200;
        };
    }

    /** The operation with this label. */
    public static Operation ofLabel(String label) {
        for (Operation op : values()) {
            if (op.label().equals(label)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "unknown operation '" + label + "' (expected enroll, escrow, checkin or health)");
    }
}
