package org.keywarden.helpdesk.boundary;

import java.util.Locale;
import java.util.Optional;

/** What a caller reads from the recovery screen: 8 to 32 hex digits of the key ID, with or without hyphens and braces. */
final class KeyIds {

    private KeyIds() {
    }

    /** The hex digits, upper case, or empty when the text is no key ID (then it may be a computer name). */
    static Optional<String> hexDigits(String text) {
        String hex = text.strip().replaceAll("[{}\\-\\s]", "").toUpperCase(Locale.ROOT);
        return hex.matches("[0-9A-F]{8,32}") ? Optional.of(hex) : Optional.empty();
    }
}
