package org.keywarden.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * PBKDF2-HMAC-SHA256 password hashes ({@value #ITERATIONS} iterations, OWASP's figure for SHA-256;
 * 32-byte salt) through Jakarta Security; a stored hash carries its own parameters, so hashes of fewer
 * iterations still verify and {@link #isOutdated} tells the caller to store a new one. A match is
 * remembered for a while ({@link VerifiedPasswords}). At most {@link #IN_FLIGHT} checks run at once
 * on a node (each costs about 170 ms of a core): beyond that a check waits briefly, then is refused
 * with {@link PasswordWorkSaturated}, so that a flood of wrong passwords cannot take every core. A
 * user without a usable hash (a directory user, while no directory is configured) costs the same.
 */
@ApplicationScoped
public class PasswordHashes {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Compared against when a user does not exist, so that a miss takes as long as a wrong password. */
    private String decoy;

    private final VerifiedPasswords verified = new VerifiedPasswords(java.time.Clock.systemUTC());

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    static final int IN_FLIGHT = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final long WAIT_MILLIS = 500;
    private final Semaphore work = new Semaphore(IN_FLIGHT, true);

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy-password".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** A new hash of a password that just verified, counted among the checks in flight like one. */
    public String rehash(char[] password) {
        String[] hash = new String[1];
        limited(() -> {
            hash[0] = pbkdf2.generate(password);
            return true;
        });
        return hash[0];
    }

    /** Whether the password matches the hash: PBKDF2, unless this same pair matched in the last few minutes. */
    public boolean verify(char[] password, String hash) {
        if (iterationsOf(hash) < 0) {
            return verifyDecoy(password);
        }
        if (verified.contains(password, hash)) {
            return true;
        }
        boolean matches = limited(() -> pbkdf2.verify(password, hash));
        if (matches) {
            verified.remember(password, hash);
        }
        return matches;
    }

    /** Whether this pair matched in the last few minutes, so that {@link #verify} will not run PBKDF2. */
    public boolean isRemembered(char[] password, String hash) {
        return hash != null && verified.contains(password, hash);
    }

    /** Whether a hash that verifies should be replaced by one of today's parameters. */
    public static boolean isOutdated(String hash) {
        int iterations = iterationsOf(hash);
        return iterations >= 0 && (iterations < ITERATIONS || !hash.startsWith(ALGORITHM + ":"));
    }

    /** The iterations a stored hash ({@code algorithm:iterations:salt:hash}) names; -1 when it is none. */
    static int iterationsOf(String hash) {
        String[] parts = hash == null ? new String[0] : hash.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Costs what a wrong password costs, for a user that does not exist; always false. */
    public boolean verifyDecoy(char[] password) {
        limited(() -> pbkdf2.verify(password, decoy));
        return false;
    }

    private boolean limited(BooleanSupplier check) {
        boolean acquired;
        try {
            acquired = work.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new PasswordWorkSaturated();
        }
        try {
            return check.getAsBoolean();
        } finally {
            work.release();
        }
    }
}
