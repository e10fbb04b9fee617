package org.keywarden.crypto.control;

import static org.keywarden.crypto.control.BouncyCastle.PROVIDER;
import static org.keywarden.crypto.control.BouncyCastle.RANDOM;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Creates the PKCS#12 encryption keystore and adds new key pairs to it for certificate rotation. */
public final class EncryptionKeystores {

    static final int RSA_BITS = 3072;
    static final int VALIDITY_YEARS = 20;

    private EncryptionKeystores() {
    }

    /** Creates {@code p12} (mode 600) with one new RSA-3072 key and self-signed certificate; never overwrites. */
    public static X509Certificate generate(Path p12, char[] password, String subjectCommonName) {
        return generate(p12, password, subjectCommonName, Instant.now(), RSA_BITS);
    }

    /** Adds one new RSA-3072 key and self-signed certificate, which becomes the newest, to an existing keystore. */
    public static X509Certificate addNewKey(Path p12, char[] password, String subjectCommonName) {
        return addNewKey(p12, password, subjectCommonName, Instant.now());
    }

    static X509Certificate generate(Path p12, char[] password, String commonName, Instant notBefore, int bits) {
        Objects.requireNonNull(password, "password");
        if (Files.exists(p12)) {
            throw new EncryptionKeystoreException("Encryption keystore " + p12 + " already exists; refusing to overwrite it");
        }
        if (!Files.isDirectory(p12.toAbsolutePath().getParent())) {
            throw new EncryptionKeystoreException("The directory of encryption keystore " + p12 + " does not exist");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            X509Certificate certificate = addEntry(store, password, commonName, notBefore, bits);
            write(store, password, p12, false);
            return certificate;
        } catch (IOException | GeneralSecurityException e) {
            throw new EncryptionKeystoreException("Could not create encryption keystore " + p12 + ": " + e.getMessage(), e);
        }
    }

    static X509Certificate addNewKey(Path p12, char[] password, String commonName, Instant notBefore) {
        KeyStore store = KeyRing.readKeystore(p12, password);
        try {
            X509Certificate certificate = addEntry(store, password, commonName, notBefore, RSA_BITS);
            write(store, password, p12, true);
            return certificate;
        } catch (IOException | GeneralSecurityException e) {
            throw new EncryptionKeystoreException("Could not add a key to encryption keystore " + p12 + ": "
                    + e.getMessage(), e);
        }
    }

    /** Removes the key whose certificate has {@code fingerprint}; refuses to remove the last key. */
    public static void removeKey(Path p12, char[] password, String fingerprint) {
        KeyStore store = KeyRing.readKeystore(p12, password);
        try {
            String match = null;
            int keys = 0;
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                keys++;
                if (store.getCertificate(alias) instanceof X509Certificate certificate
                        && KeyRing.fingerprint(certificate).equals(fingerprint)) {
                    match = alias;
                }
            }
            if (match == null) {
                throw new EncryptionKeystoreException("Encryption keystore " + p12 + " has no certificate " + fingerprint);
            }
            if (keys < 2) {
                throw new EncryptionKeystoreException("Refusing to remove the only key of encryption keystore " + p12);
            }
            store.deleteEntry(match);
            write(store, password, p12, true);
        } catch (IOException | GeneralSecurityException e) {
            throw new EncryptionKeystoreException("Could not remove a key from encryption keystore " + p12 + ": "
                    + e.getMessage(), e);
        }
    }

    private static X509Certificate addEntry(KeyStore store, char[] password, String commonName, Instant notBefore,
            int bits) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", PROVIDER);
        generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(pair, commonName, notBefore);
        String alias = "keywarden-" + notBefore.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "")
                + "-" + KeyRing.fingerprint(certificate).substring(0, 8);
        store.setEntry(alias, new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate}),
                new KeyStore.PasswordProtection(password));
        return certificate;
    }

    private static X509Certificate selfSigned(KeyPair pair, String commonName, Instant notBefore)
            throws GeneralSecurityException, CertIOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(159, RANDOM).setBit(0),
                Date.from(from), Date.from(until), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
        try {
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").setProvider(PROVIDER).setSecureRandom(RANDOM)
                            .build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign the certificate: " + e.getMessage(), e);
        }
    }

    /** Writes to a private temporary file beside {@code target}, then links or moves it into place. */
    private static void write(KeyStore store, char[] password, Path target, boolean replace)
            throws IOException, GeneralSecurityException {
        Path directory = target.toAbsolutePath().getParent();
        String prefix = ".keywarden-keystore-";
        Path temporary = Files.getFileStore(directory).supportsFileAttributeView("posix")
                ? Files.createTempFile(directory, prefix, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                store.store(out, password);
                out.flush();
                channel.force(true);
            }
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                publishNew(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A hard link fails atomically if the target exists, unlike a rename, which would replace it. */
    private static void publishNew(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new EncryptionKeystoreException("Encryption keystore " + target
                    + " already exists; refusing to overwrite it", e);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temporary, target);
        }
    }
}
