package org.keywarden.identity.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keywarden.crypto.control.KeyedDigest;

/**
 * Remembers, for a while, that a password matched a stored hash, so that an API client sending HTTP
 * Basic credentials with each request pays the PBKDF2 work (about 50 ms of CPU) once, not per request.
 *
 * <p>What is kept is a keyed digest of (stored hash, password) under a random key that never leaves
 * this process's memory: no password, and nothing that can be checked against a guess without that
 * key. Whoever obtains a dump of the process's memory has the key too, and could then test guesses
 * against the last few minutes' logins at HMAC speed instead of PBKDF2 speed; such a dump also holds
 * the passwords of the requests in flight, so the memo adds little to that exposure, and its entries
 * live {@link #LIFETIME} only. An entry is bound to the stored hash, whose salt is fresh for every
 * password set, so changing or resetting a password ends its entries. Failures are never remembered:
 * each wrong guess costs the full PBKDF2. The caller still reads the user on every request, so
 * disabling a user takes effect at once.
 */
final class VerifiedPasswords {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final KeyedDigest digest = KeyedDigest.withRandomKey();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedPasswords(Clock clock) {
        this.clock = clock;
    }

    boolean contains(char[] password, String storedHash) {
        String entry = entryOf(password, storedHash);
        Instant expiry = expiries.get(entry);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(entry, expiry);
            return false;
        }
        return true;
    }

    void remember(char[] password, String storedHash) {
        Instant now = clock.instant();
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.values().removeIf(expiry -> !now.isBefore(expiry));
            if (expiries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        expiries.put(entryOf(password, storedHash), now.plus(LIFETIME));
    }

    int size() {
        return expiries.size();
    }

    private String entryOf(char[] password, String storedHash) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            return digest.of(storedHash.getBytes(StandardCharsets.UTF_8), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
