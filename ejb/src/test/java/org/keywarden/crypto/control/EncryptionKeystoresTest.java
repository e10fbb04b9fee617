package org.keywarden.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeystoresTest {

    static final char[] PASSWORD = "Generator-Test-Pw".toCharArray();

    @TempDir
    Path directory;

    @Test
    void generatesAPrivateKeystoreWithOneRsa3072EncryptionCertificate() throws Exception {
        Path p12 = directory.resolve("ks.p12");
        X509Certificate certificate = EncryptionKeystores.generate(p12, PASSWORD, "Keywarden escrow");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)));
        assertEquals(3072, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        assertEquals("CN=Keywarden escrow", certificate.getSubjectX500Principal().getName());
        assertEquals(3, certificate.getVersion());
        assertTrue(certificate.getKeyUsage()[2], "keyEncipherment");
        assertEquals(-1, certificate.getBasicConstraints());
        long years = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
                .toDays() / 365;
        assertEquals(20, years);
        certificate.verify(certificate.getPublicKey());
        assertEquals(KeyRing.fingerprint(certificate), KeyRing.load(p12, PASSWORD).fingerprints().get(0));
        assertNoTemporaryFiles();
    }

    @Test
    void neverOverwrites() throws Exception {
        Path p12 = directory.resolve("ks.p12");
        EncryptionKeystores.generate(p12, PASSWORD, "first");
        byte[] before = Files.readAllBytes(p12);
        EncryptionKeystoreException e = assertThrows(EncryptionKeystoreException.class,
                () -> EncryptionKeystores.generate(p12, PASSWORD, "second"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(p12));
        assertNoTemporaryFiles();
    }

    @Test
    void addsAKeyAndKeepsTheOldOne() throws Exception {
        Path p12 = directory.resolve("ks.p12");
        X509Certificate first = EncryptionKeystores.generate(p12, PASSWORD, "first");
        X509Certificate second = EncryptionKeystores.addNewKey(p12, PASSWORD, "second");
        KeyRing keys = KeyRing.load(p12, PASSWORD);
        assertEquals(2, keys.fingerprints().size());
        assertTrue(keys.certificate(KeyRing.fingerprint(first)).isPresent());
        assertTrue(keys.certificate(KeyRing.fingerprint(second)).isPresent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)));
        assertNoTemporaryFiles();
    }

    @Test
    void addingNeedsTheRightPassword() throws Exception {
        Path p12 = directory.resolve("ks.p12");
        EncryptionKeystores.generate(p12, PASSWORD, "first");
        byte[] before = Files.readAllBytes(p12);
        EncryptionKeystoreException e = assertThrows(EncryptionKeystoreException.class,
                () -> EncryptionKeystores.addNewKey(p12, "wrong".toCharArray(), "second"));
        assertTrue(e.getMessage().startsWith("Wrong password"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(p12));
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}
