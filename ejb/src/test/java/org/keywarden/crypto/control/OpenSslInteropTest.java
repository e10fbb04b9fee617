package org.keywarden.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disaster-recovery path: sealed values open with the OpenSSL CLI and the PKCS#12 file alone. */
class OpenSslInteropTest {

    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final String PASSWORD = "Dr-Test pass$word:1";
    static final String RECOVERY_PASSWORD = "123456-234567-345678-456789-567890-678901-789012-890123";
    static final Binding BINDING = new Binding("0A1B2C3D-4E5F-6789-ABCD-EF0123456789", "recoveryPassword");

    @TempDir
    static Path directory;
    static Path keystore;

    @BeforeAll
    static void keystore() {
        assertTrue(Files.isExecutable(OPENSSL), "The OpenSSL command line tool is required at " + OPENSSL
                + ": it is the documented disaster-recovery path for sealed values; install the openssl package");
        keystore = directory.resolve("ks.p12");
        EncryptionKeystores.generate(keystore, PASSWORD.toCharArray(), "Keywarden DR test");
    }

    @Test
    void opensslDecryptsWithKeyAndCertificateExportedFromTheKeystore() throws Exception {
        Path value = sealed(RECOVERY_PASSWORD);
        openssl("pkcs12", "-in", "ks.p12", "-passin", "env:KEYWARDEN_P12_PASSWORD", "-nodes", "-nocerts", "-out", "key.pem");
        openssl("pkcs12", "-in", "ks.p12", "-passin", "env:KEYWARDEN_P12_PASSWORD", "-nokeys", "-clcerts", "-out", "cert.pem");
        openssl("cms", "-decrypt", "-inform", "DER", "-in", value.getFileName().toString(),
                "-inkey", "key.pem", "-recip", "cert.pem", "-out", "plain.txt");
        assertEquals(RECOVERY_PASSWORD, Files.readString(directory.resolve("plain.txt"), UTF_8));
    }

    @Test
    void opensslDecryptsWithThePkcs12FileDirectly() throws Exception {
        Path value = sealed(RECOVERY_PASSWORD);
        openssl("cms", "-decrypt", "-inform", "DER", "-in", value.getFileName().toString(),
                "-inkey", "ks.p12", "-passin", "env:KEYWARDEN_P12_PASSWORD", "-out", "plain-direct.txt");
        assertEquals(RECOVERY_PASSWORD, Files.readString(directory.resolve("plain-direct.txt"), UTF_8));
    }

    @Test
    void opensslRejectsATamperedValue() throws Exception {
        Path value = sealed(RECOVERY_PASSWORD);
        byte[] tampered = Files.readAllBytes(value);
        tampered[tampered.length - 20] ^= 1; // last ciphertext byte, just before the GCM tag
        Files.write(value, tampered);
        int exit = run("cms", "-decrypt", "-inform", "DER", "-in", value.getFileName().toString(),
                "-inkey", "ks.p12", "-passin", "env:KEYWARDEN_P12_PASSWORD", "-out", "tampered.txt");
        assertNotEquals(0, exit, "OpenSSL must fail on a bad GCM tag");
    }

    private static Path sealed(String plaintext) throws IOException {
        KeyRing keys = KeyRing.load(keystore, PASSWORD.toCharArray());
        Path value = Files.createTempFile(directory, "value", ".der");
        Files.write(value, Envelope.seal(plaintext.getBytes(UTF_8), BINDING, keys.newest()));
        return value;
    }

    private static void openssl(String... arguments) throws Exception {
        int exit = run(arguments);
        if (exit != 0) {
            fail("openssl " + String.join(" ", arguments) + " exited with " + exit);
        }
    }

    private static int run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("KEYWARDEN_P12_PASSWORD", PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("openssl " + String.join(" ", arguments) + " timed out");
        }
        if (process.exitValue() != 0) {
            System.err.println("openssl " + String.join(" ", arguments) + ":\n" + output);
        }
        return process.exitValue();
    }
}
