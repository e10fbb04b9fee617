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
 * PBKDF2-HMAC-SHA256 password hashes (210,000 iterations, 32-byte salt) through Jakarta Security; a
 * match is remembered for a while ({@link VerifiedPasswords}). At most {@link #IN_FLIGHT} checks run
 * at once on a node (each costs about 60 ms of a core): beyond that a check waits briefly, then is
 * refused with {@link PasswordWorkSaturated}, so that a flood of wrong passwords cannot take every core.
 */
@ApplicationScoped
public class PasswordHashes {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Compared against when a user does not exist, so that a miss takes as long as a wrong password. */
    private String decoy;

    private final VerifiedPasswords verified = new VerifiedPasswords(java.time.Clock.systemUTC());

    static final int IN_FLIGHT = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final long WAIT_MILLIS = 500;
    private final Semaphore work = new Semaphore(IN_FLIGHT, true);

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy-password".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** Whether the password matches the hash: PBKDF2, unless this same pair matched in the last few minutes. */
    public boolean verify(char[] password, String hash) {
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
        return verified.contains(password, hash);
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
