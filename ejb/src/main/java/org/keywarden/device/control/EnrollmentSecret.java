package org.keywarden.device.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.keywarden.config.control.DataFiles;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.crypto.control.Digests;

/**
 * The organisation's enrollment secret: {@code KEYWARDEN_ENROLLMENT_SECRET} when set; otherwise
 * generated at first start into {@code <data dir>/enrollment-secret} (owner-only permissions) and
 * read from there afterwards. The secret itself is never logged, only where to find it.
 */
@Singleton
@Startup
@DependsOn("DataDirectory")
public class EnrollmentSecret {

    private static final Logger LOG = Logger.getLogger(EnrollmentSecret.class.getName());
    static final String FILE_NAME = "enrollment-secret";

    @Inject
    KeywardenSettings settings;

    private String secret;

    @PostConstruct
    void load() {
        secret = settings.enrollmentSecret().orElseGet(() -> readOrGenerate(settings.dataDir().resolve(FILE_NAME)));
    }

    public boolean matches(String candidate) {
        return candidate != null && Digests.constantTimeEquals(secret, candidate);
    }

    private static String readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String generated = DeviceTokens.randomSecret(24);
            DataFiles.writeOwnerOnly(file, generated);
            LOG.warning(() -> "Generated an enrollment secret for devices; read it from " + file.toAbsolutePath()
                    + " (or set KEYWARDEN_ENROLLMENT_SECRET)");
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the enrollment secret file " + file
                    + "; set KEYWARDEN_ENROLLMENT_SECRET or KEYWARDEN_DATA_DIR", e);
        }
    }
}
