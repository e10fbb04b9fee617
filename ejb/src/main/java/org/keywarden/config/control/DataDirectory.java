package org.keywarden.config.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Creates the data directory at start-up with the {@code tls/} folder where the server keeps its HTTPS
 * keystore, and holds everything in it, new or existing, to the server's user only ({@link DataFiles});
 * again once the database files exist ({@link #restrict()}).
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
            DataFiles.createOwnerOnlyDirectories(dir.resolve("tls"));
            DataFiles.restrictTree(dir);
            LOG.info(() -> "Keywarden data directory: " + dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir + "; set KEYWARDEN_DATA_DIR", e);
        }
    }

    /** Holds every file and folder in the data directory to the server's user again (after the database opened). */
    public void restrict() {
        try {
            DataFiles.restrictTree(settings.dataDir());
        } catch (IOException e) {
            LOG.warning(() -> "Cannot check the permissions in the data directory: " + e.getMessage());
        }
    }

    /** Whether the embedded H2 database ({@code <data dir>/db}) lives in the data directory. */
    public boolean holdsEmbeddedDatabase() {
        try (var files = Files.list(settings.dataDir().resolve("db"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        } catch (IOException e) {
            return false;
        }
    }
}
