package org.keywarden.disclosure.control;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user reads from the recovery screen: 8 to 32 hex digits of the key ID, with or without
 * hyphens, braces and spaces, in any case. One reading for the API, the helpdesk and self-service.
 */
public final class KeyIds {

    private KeyIds() {
    }

    /** The hex digits, upper case, or empty when the text is no key ID (then it may be a computer name). */
    public static Optional<String> hexDigits(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        String hex = text.strip().replaceAll("[{}\\-\\s]", "").toUpperCase(Locale.ROOT);
        return hex.matches("[0-9A-F]{8,32}") ? Optional.of(hex) : Optional.empty();
    }

    /** 0A1B2C3D4E5F... as stored: 0A1B2C3D-4E5F-... */
    public static String hyphenated(String hex) {
        StringBuilder out = new StringBuilder(36);
        for (int i = 0; i < hex.length(); i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out.append('-');
            }
            out.append(hex.charAt(i));
        }
        return out.toString();
    }
}
