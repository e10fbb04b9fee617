package org.keywarden.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Where the server under test is and what it was configured with, from the build's system properties. */
public final class Keywarden {

    private Keywarden() {
    }

    /** The EAR the build produced, exactly as shipped. */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("keywarden.ear")));
    }

    public static String baseUrl() {
        return System.getProperty("keywarden.base.url", "http://localhost:8080");
    }

    public static String api(String path) {
        return baseUrl() + "/api/v1" + path;
    }

    public static Path dataDir() {
        return Path.of(System.getProperty("keywarden.data.dir"));
    }

    /** The configured secret, or the one the server generated into its data directory. */
    public static String enrollmentSecret() {
        String configured = System.getProperty("keywarden.test.enrollment.secret");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return Files.readString(dataDir().resolve("enrollment-secret"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("No enrollment secret configured or generated", e);
        }
    }

    /** The first administrator's password: configured, or generated into the data directory. */
    public static String adminPassword() {
        String configured = System.getProperty("keywarden.test.admin.password");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return Files.readString(dataDir().resolve("initial-admin-password"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("No admin password configured or generated", e);
        }
    }

    public static boolean secretIsGenerated() {
        String configured = System.getProperty("keywarden.test.enrollment.secret");
        return configured == null || configured.isBlank();
    }

    public static Path serverLog() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    }
}
