package org.keywarden.crypto.control;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** The encryption certificates with their private keys from one PKCS#12 keystore; the newest one seals, all open. */
public final class KeyRing {

    static final int MIN_RSA_BITS = 3072;

    /** One usable key pair: certificate, private key and their identifiers. */
    record Entry(String fingerprint, String recipientId, X509Certificate certificate, PrivateKey privateKey) {
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> e.certificate().getNotBefore())
            .thenComparing(e -> e.certificate().getNotAfter())
            .thenComparing(Entry::fingerprint)
            .reversed();

    private final List<Entry> entries;
    private final Map<String, Entry> byFingerprint = new LinkedHashMap<>();
    private final Map<String, Entry> byRecipientId = new LinkedHashMap<>();

    private KeyRing(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(NEWEST_FIRST);
        this.entries = List.copyOf(sorted);
        for (Entry e : this.entries) {
            byFingerprint.putIfAbsent(e.fingerprint(), e);
            byRecipientId.putIfAbsent(e.recipientId(), e);
        }
    }

    /** Loads every private key entry of {@code p12}; fails with a message naming the path and the exact problem. */
    public static KeyRing load(Path p12, char[] password) {
        KeyStore store = readKeystore(p12, password);
        List<Entry> entries = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key;
                try {
                    key = store.getKey(alias, password);
                } catch (UnrecoverableKeyException e) {
                    throw new EncryptionKeystoreException("The private key '" + alias + "' in encryption keystore "
                            + p12 + " is protected by a password other than the keystore password", e);
                }
                if (key instanceof PrivateKey privateKey) {
                    entries.add(entry(p12, alias, privateKey, store.getCertificate(alias)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12 + " could not be read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12
                    + " contains no private key entry (it needs an RSA key of at least " + MIN_RSA_BITS
                    + " bits with its certificate)");
        }
        return new KeyRing(entries);
    }

    /** Opens and decrypts a PKCS#12 file, telling a wrong password apart from other failures. */
    static KeyStore readKeystore(Path p12, char[] password) {
        Objects.requireNonNull(p12, "p12");
        Objects.requireNonNull(password, "password");
        if (!Files.exists(p12)) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12 + " does not exist");
        }
        if (!Files.isRegularFile(p12)) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12 + " is not a regular file");
        }
        if (!Files.isReadable(p12)) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12
                    + " is not readable by this process (check its owner and permissions)");
        }
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (AccessDeniedException e) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12
                    + " is not readable by this process (check its owner and permissions)", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new EncryptionKeystoreException("Wrong password for encryption keystore " + p12, e);
            }
            throw new EncryptionKeystoreException("Encryption keystore " + p12
                    + " could not be read as a PKCS#12 file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12
                    + " could not be read as a PKCS#12 file: " + e.getMessage(), e);
        }
    }

    private static Entry entry(Path p12, String alias, PrivateKey key, Certificate certificate) {
        String where = "Entry '" + alias + "' of encryption keystore " + p12;
        if (!(certificate instanceof X509Certificate cert)) {
            throw new EncryptionKeystoreException(where + " has a private key but no X.509 certificate");
        }
        if (!(cert.getPublicKey() instanceof RSAPublicKey publicKey) || !(key instanceof RSAPrivateKey privateKey)) {
            throw new EncryptionKeystoreException(where + " holds a " + key.getAlgorithm()
                    + " key; only RSA keys of at least " + MIN_RSA_BITS + " bits are supported");
        }
        int bits = publicKey.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new EncryptionKeystoreException(where + " holds an RSA key of " + bits + " bits; at least "
                    + MIN_RSA_BITS + " bits are required");
        }
        if (!publicKey.getModulus().equals(privateKey.getModulus())) {
            throw new EncryptionKeystoreException(where + " holds a private key that does not match its certificate");
        }
        return new Entry(fingerprint(cert), recipientId(cert.getIssuerX500Principal(), cert.getSerialNumber()), cert, key);
    }

    /** The lower-case hex SHA-256 fingerprint of a certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return Digests.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded", e);
        }
    }

    /** The stable text form of issuer and serial number used by {@link Envelope#recipientId(byte[])}. */
    static String recipientId(X500Principal issuer, BigInteger serial) {
        return serial.toString(16) + "@" + issuer.getName(X500Principal.RFC2253);
    }

    /** The certificate new values are sealed to: latest notBefore, then latest notAfter. */
    public X509Certificate newest() {
        return entries.get(0).certificate();
    }

    /** The fingerprints of all certificates, newest first. */
    public List<String> fingerprints() {
        return List.copyOf(byFingerprint.keySet());
    }

    /** The certificate with the given fingerprint, if it is in this key ring. */
    public Optional<X509Certificate> certificate(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint)).map(Entry::certificate);
    }

    /** The fingerprint of the certificate a value with the given {@link Envelope#recipientId(byte[])} is wrapped to. */
    public Optional<String> fingerprintOfRecipient(String recipientId) {
        return Optional.ofNullable(byRecipientId.get(recipientId)).map(Entry::fingerprint);
    }

    /** The newest certificate's key pair, which also signs (audit checkpoints). */
    Entry newestEntry() {
        return entries.get(0);
    }

    Optional<Entry> entryForRecipient(String recipientId) {
        return Optional.ofNullable(byRecipientId.get(recipientId));
    }
}
