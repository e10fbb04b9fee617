package org.keywarden.loadgen.device;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random GUIDs in the form the server returns them: upper case, no braces. */
public final class Guids {
    private Guids() {
    }

    /** A random (version 4) GUID, upper case. */
    public static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString().toUpperCase(Locale.ROOT);
    }
}
