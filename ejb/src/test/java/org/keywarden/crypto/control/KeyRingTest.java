package org.keywarden.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    static final String SECRET = "Sw0rdfish-Keyring-Pw";
    static final char[] PASSWORD = SECRET.toCharArray();
    static final Binding BINDING = new Binding("0A1B2C3D", "recoveryPassword");

    @TempDir
    static Path directory;
    static Path twoKeys;
    static X509Certificate older;
    static X509Certificate newer;

    @BeforeAll
    static void keystoreWithTwoCertificates() {
        twoKeys = directory.resolve("two.p12");
        older = EncryptionKeystores.generate(twoKeys, PASSWORD, "Keywarden 2024", Instant.now().minus(Duration.ofDays(400)),
                EncryptionKeystores.RSA_BITS);
        newer = EncryptionKeystores.addNewKey(twoKeys, PASSWORD, "Keywarden 2025");
    }

    @Test
    void sealsToTheNewestAndOpensWithEveryKey() {
        byte[] toOlder = Envelope.seal("old".getBytes(UTF_8), BINDING, older);
        KeyRing keys = KeyRing.load(twoKeys, PASSWORD);
        assertEquals(newer, keys.newest());
        assertEquals(List.of(KeyRing.fingerprint(newer), KeyRing.fingerprint(older)), keys.fingerprints());
        assertEquals(older, keys.certificate(KeyRing.fingerprint(older)).orElseThrow());
        assertTrue(keys.certificate("00").isEmpty());

        byte[] toNewest = Envelope.seal("new".getBytes(UTF_8), BINDING, keys.newest());
        assertEquals(KeyRing.fingerprint(newer), keys.fingerprintOfRecipient(Envelope.recipientId(toNewest)).orElseThrow());
        assertEquals(KeyRing.fingerprint(older), keys.fingerprintOfRecipient(Envelope.recipientId(toOlder)).orElseThrow());
        assertArrayEquals("new".getBytes(UTF_8), Envelope.open(toNewest, BINDING, keys));
        assertArrayEquals("old".getBytes(UTF_8), Envelope.open(toOlder, BINDING, keys));
    }

    @Test
    void missingFile() {
        Path missing = directory.resolve("missing.p12");
        assertMessage(missing, PASSWORD, "does not exist");
    }

    @Test
    void wrongPassword() {
        assertMessage(twoKeys, "not-the-password".toCharArray(), "Wrong password");
    }

    @Test
    void notAKeystore() throws Exception {
        Path garbage = Files.writeString(directory.resolve("garbage.p12"), "not a keystore");
        assertMessage(garbage, PASSWORD, "could not be read as a PKCS#12 file");
    }

    @Test
    void keystoreWithoutPrivateKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("cert-only", older);
        Path certOnly = directory.resolve("cert-only.p12");
        try (OutputStream out = Files.newOutputStream(certOnly)) {
            store.store(out, PASSWORD);
        }
        assertMessage(certOnly, PASSWORD, "contains no private key entry");
    }

    @Test
    void keyTooSmall() {
        Path small = directory.resolve("small.p12");
        EncryptionKeystores.generate(small, PASSWORD, "too small", Instant.now(), 2048);
        assertMessage(small, PASSWORD, "RSA key of 2048 bits; at least 3072 bits are required");
    }

    static void assertMessage(Path p12, char[] password, String expected) {
        EncryptionKeystoreException e = assertThrows(EncryptionKeystoreException.class, () -> KeyRing.load(p12, password));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(p12.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(new String(password)), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }
}
