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

    /** The organisation's enrollment secret, when the administrator set one. */
    public Optional<String> enrollmentSecret() {
        return config().getOptionalValue("keywarden.enrollment.secret", String.class).filter(s -> !s.isBlank());
    }

    /** How often devices are told to check in. */
    public int checkInIntervalMinutes() {
        return config().getOptionalValue("keywarden.checkin.interval.minutes", Integer.class).orElse(90);
    }
}
