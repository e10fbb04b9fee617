package org.keywarden.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Warns at every start, once the database is open, when the generated keystore's password lies beside
 * the H2 database ({@link EncryptionAtRest#passwordBesideDatabase()}); the encryption status says so too.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class KeystorePasswordPlacement {

    private static final Logger LOG = Logger.getLogger(KeystorePasswordPlacement.class.getName());

    @Inject
    EncryptionAtRest encryption;

    @PostConstruct
    void warn() {
        encryption.passwordBesideDatabase().ifPresent(LOG::warning);
    }
}
