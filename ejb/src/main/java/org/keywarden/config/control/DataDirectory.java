package org.keywarden.config.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Creates the data directory at start-up, readable by the server's user only, with the {@code tls/}
 * folder where the server keeps its generated HTTPS keystore.
 */
@Singleton
@Startup
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    @Inject
    KeywardenSettings settings;

    @PostConstruct
    void create() {
        Path dir = settings.dataDir();
        try {
            boolean isNew = !Files.isDirectory(dir);
            Files.createDirectories(dir.resolve("tls"));
            if (isNew) {
                restrictToOwner(dir);
            }
            LOG.info(() -> "Keywarden data directory: " + dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir + "; set KEYWARDEN_DATA_DIR", e);
        }
    }

    private static void restrictToOwner(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the parent folder's ACL applies.
        }
    }
}
