package org.keywarden.escrow.control;

import java.util.Locale;
import java.util.regex.Pattern;

/** GUIDs as devices send them (braces or not, any case), held upper case without braces. */
public final class Guids {

    private static final Pattern GUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private Guids() {
    }

    /** The normalized GUID, or {@code null} when {@code input} is not a GUID. */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String s = input.strip();
        if (s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
            s = s.substring(1, 37);
        }
        if (s.length() != 36 || !GUID.matcher(s).matches()) {
            return null;
        }
        return s.toUpperCase(Locale.ROOT);
    }
}
