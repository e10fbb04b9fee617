package org.keywarden.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.keywarden.config.control.DataFiles;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.crypto.control.DeviceTokens;

/**
 * On the first start (no user at all) creates the administrator {@code admin}, with the password of
 * {@code KEYWARDEN_ADMIN_PASSWORD} or a generated one. A generated password is written to
 * {@code <data dir>/initial-admin-password}, readable by the server's user only; only that location
 * is logged, never the password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BootstrapAdministrator {

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class.getName());
    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";

    @Inject
    KeywardenSettings settings;

    @Inject
    CreateUser createUser;

    @PostConstruct
    void createOnFirstStart() {
        String configured = settings.adminPassword().orElse(null);
        String password = configured != null ? configured : DeviceTokens.randomSecret(18);
        boolean created;
        try {
            created = createUser.createFirstAdministrator(USERNAME, password.toCharArray());
        } catch (EJBException raced) {
            LOG.info("Another node created the first administrator at the same time");
            return;
        }
        if (!created) {
            return;
        }
        if (configured != null) {
            LOG.info("Created the administrator 'admin' with the password from KEYWARDEN_ADMIN_PASSWORD");
            return;
        }
        Path file = settings.dataDir().resolve(PASSWORD_FILE);
        try {
            DataFiles.writeOwnerOnly(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        LOG.warning(() -> "Created the administrator 'admin' with a generated password; read it from " + file
                + ", then delete that file (or set KEYWARDEN_ADMIN_PASSWORD before the first start)");
    }
}
