package org.keywarden.config.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every setting of Keywarden, one method each. A property {@code keywarden.x.y} can also be set
 * through the environment as {@code KEYWARDEN_X_Y} (MicroProfile Config's mapping).
 */
@ApplicationScoped
public class KeywardenSettings {

    private Config config() {
        return ConfigProvider.getConfig(KeywardenSettings.class.getClassLoader());
    }

    /** Where the H2 database, the generated enrollment secret and other generated material live. */
    public Path dataDir() {
        return Path.of(config().getOptionalValue("keywarden.data.dir", String.class)
                .orElse(System.getProperty("user.home") + "/.keywarden"));
    }

    /** Fewer characters than this in a configured enrollment secret stop the start. */
    public static final int MIN_ENROLLMENT_SECRET_LENGTH = 24;
    /** Fewer characters than this in {@code KEYWARDEN_ADMIN_PASSWORD} stop the start. */
    public static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    /** The organisation's enrollment secret, when the administrator set one (at least 24 characters). */
    public Optional<String> enrollmentSecret() {
        return config().getOptionalValue("keywarden.enrollment.secret", String.class).filter(s -> !s.isBlank())
                .map(s -> atLeast(s, MIN_ENROLLMENT_SECRET_LENGTH, "KEYWARDEN_ENROLLMENT_SECRET"));
    }

    /**
     * Whether this node's {@code KEYWARDEN_ENROLLMENT_SECRET} replaces the installation's enrollment secret (for
     * every node) when it differs from it ({@code KEYWARDEN_ENROLLMENT_SECRET_REPLACE=true}); otherwise such a
     * node does not start. Default false.
     */
    public boolean enrollmentSecretReplaces() {
        return config().getOptionalValue("keywarden.enrollment.secret.replace", Boolean.class).orElse(false);
    }

    /**
     * Whether secrets are encrypted at rest: on unless {@code KEYWARDEN_ENCRYPTION=none}
     * (Configuration Manager's "allow recovery information to be stored in plain text").
     */
    public boolean encryptionDisabled() {
        String mode = config().getOptionalValue("keywarden.encryption", String.class).orElse("cms").strip();
        if (mode.equalsIgnoreCase("none")) {
            return true;
        }
        if (mode.equalsIgnoreCase("cms") || mode.isEmpty()) {
            return false;
        }
        throw new IllegalStateException("KEYWARDEN_ENCRYPTION must be 'cms' (the default) or 'none', not '" + mode + "'");
    }

    /** The administrator's PKCS#12 keystore of encryption certificates, when one is configured. */
    public Optional<Path> encryptionKeystore() {
        return config().getOptionalValue("keywarden.encryption.keystore", String.class)
                .filter(s -> !s.isBlank()).map(Path::of);
    }

    /**
     * The configured keystore's password: {@code KEYWARDEN_ENCRYPTION_KEYSTORE_PASSWORD}, or the system
     * property {@code keywarden.encryption.keystore.password} set from the server's credential store.
     */
    public Optional<String> encryptionKeystorePassword() {
        return config().getOptionalValue("keywarden.encryption.keystore.password", String.class);
    }

    /**
     * Encryption certificates whose records the administrator accepts as lost ({@code
     * KEYWARDEN_ENCRYPTION_LOST_CERTIFICATES}, SHA-256 fingerprints separated by commas): a node whose keystore
     * lacks one of them starts anyway, with a warning at every start. Default none.
     */
    public java.util.Set<String> lostEncryptionCertificates() {
        return config().getOptionalValue("keywarden.encryption.lost.certificates", String.class).stream()
                .flatMap(s -> java.util.Arrays.stream(s.split(",")))
                .map(s -> s.replace(":", "").strip().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    /** The first administrator's password, used only when no user exists yet (at least 12 characters). */
    public Optional<String> adminPassword() {
        return config().getOptionalValue("keywarden.admin.password", String.class).filter(s -> !s.isBlank())
                .map(s -> atLeast(s, MIN_ADMIN_PASSWORD_LENGTH, "KEYWARDEN_ADMIN_PASSWORD"));
    }

    /** The value, unless it is shorter than {@code minimum} characters; the message never holds it. */
    private static String atLeast(String value, int minimum, String setting) {
        int length = value.codePointCount(0, value.length());
        if (length < minimum) {
            throw new IllegalStateException(setting + " must be at least " + minimum + " characters long, not "
                    + length + "; set a longer one (or unset it to have one generated)");
        }
        return value;
    }

    /** The proxies in front of Keywarden ({@link TrustedProxies}); default this machine. */
    public TrustedProxies trustedProxies() {
        return TrustedProxies.parse(config().getOptionalValue("keywarden.trusted.proxies", String.class)
                .orElse("127.0.0.1,::1"));
    }

    /** How often devices are told to check in. */
    public int checkInIntervalMinutes() {
        return config().getOptionalValue("keywarden.checkin.interval.minutes", Integer.class).orElse(90);
    }

    /** How long a portal session may stay idle before it ends (minutes; fractions allowed). Default 5. */
    public java.time.Duration sessionIdle() {
        return minutes("keywarden.session.idle.minutes", 5);
    }

    /** How long a shown recovery key stays on screen before it hides itself (minutes; fractions allowed). Default 5. */
    public java.time.Duration keyAutoHide() {
        return minutes("keywarden.key.auto.hide.minutes", 5);
    }

    private java.time.Duration minutes(String property, double fallback) {
        double minutes = config().getOptionalValue(property, Double.class).orElse(fallback);
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new IllegalStateException(property + " must be more than 0 and at most 1440 minutes, not " + minutes);
        }
        return java.time.Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** How many failed sign-ins lock a user name ({@code KEYWARDEN_SIGN_IN_LOCKOUT_FAILURES}, 1 to 1000). Default 5. */
    public int signInLockoutFailures() {
        return count("keywarden.sign.in.lockout.failures", 5);
    }

    private int count(String property, int fallback) {
        int failures = config().getOptionalValue(property, Integer.class).orElse(fallback);
        if (failures < 1 || failures > 1000) {
            throw new IllegalStateException(property + " must be 1 to 1000, not " + failures);
        }
        return failures;
    }

    /** Within how long those failures count ({@code KEYWARDEN_SIGN_IN_LOCKOUT_WINDOW_MINUTES}). Default 15 minutes. */
    public java.time.Duration signInLockoutWindow() {
        return minutes("keywarden.sign.in.lockout.window.minutes", 15);
    }

    /** How long a locked user name stays locked ({@code KEYWARDEN_SIGN_IN_LOCKOUT_MINUTES}). Default 15 minutes. */
    public java.time.Duration signInLockoutDuration() {
        return minutes("keywarden.sign.in.lockout.minutes", 15);
    }

    /**
     * How many failed device requests (wrong enrollment secrets; invalid device tokens) one source address
     * may make within {@link #deviceFailureWindow()} before its requests of that kind get 429
     * ({@code KEYWARDEN_DEVICE_FAILURE_LIMIT}, 1 to 1000). Default 20.
     */
    public int deviceFailureLimit() {
        return count("keywarden.device.failure.limit", 20);
    }

    /** The window of {@link #deviceFailureLimit()} ({@code KEYWARDEN_DEVICE_FAILURE_WINDOW_MINUTES}). Default 10 minutes. */
    public java.time.Duration deviceFailureWindow() {
        return minutes("keywarden.device.failure.window.minutes", 10);
    }

    /** How many failed self-service lookups lock the user's self-service ({@code KEYWARDEN_SELF_SERVICE_LOCKOUT_FAILURES}). Default 5. */
    public int selfServiceLockoutFailures() {
        return count("keywarden.self.service.lockout.failures", 5);
    }

    /** Within how long those failures count ({@code KEYWARDEN_SELF_SERVICE_LOCKOUT_WINDOW_MINUTES}). Default 15 minutes. */
    public java.time.Duration selfServiceLockoutWindow() {
        return minutes("keywarden.self.service.lockout.window.minutes", 15);
    }

    /** How long a locked-out user's self-service stays locked ({@code KEYWARDEN_SELF_SERVICE_LOCKOUT_MINUTES}). Default 15 minutes. */
    public java.time.Duration selfServiceLockoutDuration() {
        return minutes("keywarden.self.service.lockout.minutes", 15);
    }

    /** A directory setting ({@code keywarden.ldap.<name>}, i.e. {@code KEYWARDEN_LDAP_<NAME>}), if set. */
    public Optional<String> ldap(String name) {
        return config().getOptionalValue("keywarden.ldap." + name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
