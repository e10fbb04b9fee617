package org.keywarden.client;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** GUIDs in the form the Keywarden API returns them: upper case, no braces; for the agent, the CLI and the load generator. */
public final class Guids {
    private static final Pattern GUID =
            Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");

    private Guids() {
    }

    /**
     * A new random (version 4) GUID, upper case without braces. From a fast per-thread generator, not a
     * secure one: protector and volume ids are identifiers, not secrets, and the load generator makes many.
     */
    public static String newGuid() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The canonical form of a GUID given with or without braces in any case.
     *
     * @throws IllegalArgumentException if the value is not a GUID
     */
    public static String normalize(String guid) {
        if (guid == null) {
            throw new IllegalArgumentException("GUID is missing");
        }
        String s = guid.trim();
        if (s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
            s = s.substring(1, 37);
        }
        s = s.toUpperCase(Locale.ROOT);
        if (!GUID.matcher(s).matches()) {
            throw new IllegalArgumentException("not a GUID: " + guid);
        }
        return s;
    }

    /** Whether the value is a GUID (with or without braces, any case). */
    public static boolean isGuid(String value) {
        try {
            normalize(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether two GUID strings name the same GUID. */
    public static boolean same(String a, String b) {
        return isGuid(a) && isGuid(b) && normalize(a).equals(normalize(b));
    }
}
