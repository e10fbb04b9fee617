package org.keywarden.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.logging.Logger;
import org.keywarden.config.control.DataFiles;
import org.keywarden.config.control.KeywardenSettings;

/**
 * Decides at start-up how secrets are kept at rest and checks that it can: the administrator's
 * PKCS#12 keystore ({@code KEYWARDEN_ENCRYPTION_KEYSTORE}), or one generated into the data directory
 * at the installation's first start, or plain text when {@code KEYWARDEN_ENCRYPTION=none}. A keystore that
 * cannot be used stops the deployment with one message naming the setting, before any record is read or
 * written; {@link InstallationCertificates} then checks it against the certificates the database needs.
 */
@Singleton
@Startup
@DependsOn("DataDirectory")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // read on every seal and open: no container lock
public class EncryptionAtRest {

    private static final Logger LOG = Logger.getLogger(EncryptionAtRest.class.getName());
    static final String GENERATED_KEYSTORE = "encryption/keystore.p12";
    static final String GENERATED_PASSWORD = "encryption/keystore.password";

    @Inject
    KeywardenSettings settings;

    @Inject
    org.keywarden.config.control.DataDirectory dataDirectory;

    private volatile KeyRing keyRing;
    private Path keystore;
    private char[] keystorePassword;
    private boolean generatedKeystore;
    private boolean awaitingGeneration;
    private volatile long loadedModified;

    @PostConstruct
    void load() {
        try {
            if (settings.encryptionDisabled()) {
                LOG.warning("KEYWARDEN_ENCRYPTION=none: recovery passwords, key packages and TPM owner hashes are "
                        + "stored in PLAIN TEXT. Remove the setting to encrypt them.");
                return;
            }
            keyRing = settings.encryptionKeystore().map(this::configured).orElseGet(this::generated);
            if (keyRing != null) {
                logInUse();
            }
        } catch (RuntimeException e) {
            throw cannotStart(e);
        }
    }

    private void logInUse() {
        LOG.info(() -> "Secrets are encrypted at rest to certificate " + KeyRing.fingerprint(keyRing.newest())
                + " (" + keyRing.fingerprints().size() + " certificate(s) can decrypt)");
    }

    private static IllegalStateException cannotStart(RuntimeException e) {
        String message = "Keywarden cannot start: " + e.getMessage();
        LOG.severe(message);
        return new IllegalStateException(message);
    }

    private KeyRing configured(Path configuredKeystore) {
        keystore = configuredKeystore;
        String password = settings.encryptionKeystorePassword().orElseThrow(() -> new IllegalStateException(
                "KEYWARDEN_ENCRYPTION_KEYSTORE is set to " + keystore + " but KEYWARDEN_ENCRYPTION_KEYSTORE_PASSWORD "
                        + "(or the system property keywarden.encryption.keystore.password) is not"));
        try {
            keystorePassword = password.toCharArray();
            return read();
        } catch (EncryptionKeystoreException e) {
            throw new IllegalStateException("the encryption keystore set by KEYWARDEN_ENCRYPTION_KEYSTORE and "
                    + "KEYWARDEN_ENCRYPTION_KEYSTORE_PASSWORD cannot be used: " + e.getMessage());
        }
    }

    /**
     * The generated keystore in the data directory, when it exists. When it does not, none is generated
     * yet: {@link InstallationCertificates} first looks whether other nodes already seal this database's
     * records to a keystore of theirs, then calls {@link #generateKeystore()}.
     */
    private KeyRing generated() {
        keystore = settings.dataDir().resolve(GENERATED_KEYSTORE);
        generatedKeystore = true;
        Path passwordFile = settings.dataDir().resolve(GENERATED_PASSWORD);
        if (!Files.exists(keystore)) {
            if (Files.exists(passwordFile)) {
                throw new IllegalStateException("the generated encryption keystore " + keystore + " is missing "
                        + "but its password file is there: restore the keystore from your backup "
                        + "(or set KEYWARDEN_ENCRYPTION_KEYSTORE)");
            }
            awaitingGeneration = true;
            return null;
        }
        return loadGenerated(passwordFile);
    }

    private KeyRing loadGenerated(Path passwordFile) {
        try {
            keystorePassword = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the encryption keystore's password file " + passwordFile
                    + " (set KEYWARDEN_DATA_DIR or KEYWARDEN_ENCRYPTION_KEYSTORE)", e);
        }
        try {
            return read();
        } catch (EncryptionKeystoreException e) {
            throw new IllegalStateException("the generated encryption keystore in the data directory cannot be "
                    + "used: " + e.getMessage());
        }
    }

    /** Whether no keystore was configured and none exists in the data directory yet. */
    public boolean awaitsGeneratedKeystore() {
        return awaitingGeneration;
    }

    /** Generates the keystore and its password file into the data directory (first start of an installation). */
    public synchronized void generateKeystore() {
        Path passwordFile = settings.dataDir().resolve(GENERATED_PASSWORD);
        try {
            Files.createDirectories(keystore.getParent());
            String password = DeviceTokens.randomSecret(32);
            DataFiles.writeOwnerOnly(passwordFile, password);
            EncryptionKeystores.generate(keystore, password.toCharArray(), "Keywarden encryption");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the encryption keystore in " + keystore.getParent()
                    + " (set KEYWARDEN_DATA_DIR or KEYWARDEN_ENCRYPTION_KEYSTORE)", e);
        }
        LOG.warning(() -> "Generated the encryption keystore " + keystore + " and its password file "
                + passwordFile + ". BACK BOTH UP NOW: without them no stored recovery key can ever be read. "
                + "Every further node of this installation needs a copy of both.");
        keyRing = loadGenerated(passwordFile);
        awaitingGeneration = false;
        logInUse();
    }

    /**
     * Reads the keystore again when its file changed since it was read (another node added a certificate
     * to a keystore they share): whether the key ring changed. No transaction: it touches no database, and
     * every seal asks, in a plain JDBC escrow too.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean reloadIfChanged() {
        if (keyRing == null || keystore == null || modifiedTime() == loadedModified) {
            return false; // every seal asks: one file-time check, no lock
        }
        return reload();
    }

    private synchronized boolean reload() {
        long modified = modifiedTime();
        if (modified == loadedModified) {
            return false;
        }
        loadedModified = modified; // one attempt per change of the file, even when it fails
        try {
            KeyRing reloaded = KeyRing.load(keystore, keystorePassword);
            boolean grew = !keyRing.fingerprints().containsAll(reloaded.fingerprints());
            keyRing = reloaded;
            if (grew) {
                LOG.info(() -> "Read the encryption keystore " + keystore + " again: it holds "
                        + reloaded.fingerprints().size() + " certificate(s) now");
            }
            return grew;
        } catch (RuntimeException e) {
            LOG.warning(() -> "The encryption keystore " + keystore + " changed but cannot be read again: "
                    + e.getMessage());
            return false;
        }
    }

    /** The keystore's key ring, noting the file's time for {@link #reloadIfChanged()}. */
    private KeyRing read() {
        long modified = modifiedTime();
        KeyRing read = KeyRing.load(keystore, keystorePassword);
        loadedModified = modified;
        return read;
    }

    private long modifiedTime() {
        try {
            return Files.getLastModifiedTime(keystore).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Adds a new key and certificate to the keystore; it encrypts from now on. Its fingerprint. */
    public synchronized String addCertificate() {
        requireEncryption();
        // strictly after the newest (certificate times have whole seconds), so that it is the newest
        java.time.Instant after = keyRing.newest().getNotBefore().toInstant().plusSeconds(1);
        java.time.Instant now = java.time.Instant.now();
        X509Certificate added = EncryptionKeystores.addNewKey(keystore, keystorePassword, "Keywarden encryption",
                now.isAfter(after) ? now : after);
        keyRing = read();
        String fingerprint = KeyRing.fingerprint(added);
        LOG.warning(() -> "Added encryption certificate " + fingerprint + " to " + keystore
                + ": back up the keystore again, then re-wrap the stored secrets to it");
        return fingerprint;
    }

    /** Removes a certificate from the keystore (the caller has checked that no record needs it). */
    public synchronized void removeCertificate(String fingerprint) {
        requireEncryption();
        EncryptionKeystores.removeKey(keystore, keystorePassword, fingerprint);
        keyRing = read();
        LOG.info(() -> "Retired encryption certificate " + fingerprint + " from " + keystore);
    }

    private void requireEncryption() {
        if (keyRing == null) {
            throw new IllegalStateException("Encryption is off (KEYWARDEN_ENCRYPTION=none)");
        }
    }

    /** The certificates to encrypt to and decrypt with; none when encryption is off. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public KeyRing keyRing() {
        return keyRing;
    }

    public boolean isPlainText() {
        return keyRing == null;
    }

    /** Whether Keywarden generated the keystore itself (and an administrator must back it up). */
    public boolean isGeneratedKeystore() {
        return generatedKeystore;
    }

    /**
     * A warning when the generated keystore's password file lies in the same data directory as the
     * embedded H2 database: a copy of that one directory then opens every stored key.
     */
    public java.util.Optional<String> passwordBesideDatabase() {
        if (!generatedKeystore || !dataDirectory.holdsEmbeddedDatabase()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("The encryption keystore's password file " + settings.dataDir().resolve(GENERATED_PASSWORD)
                + " is in the same data directory as the H2 database: whoever copies that directory can read every "
                + "stored recovery key. Keep the password apart (README, \"Keeping the keystore password apart\"): "
                + "a configured keystore with its password from the server's credential store, or the keystore "
                + "and its password file on another volume.");
    }

    /** The keystore in use; none when encryption is off. */
    public Path keystore() {
        return keystore;
    }
}
