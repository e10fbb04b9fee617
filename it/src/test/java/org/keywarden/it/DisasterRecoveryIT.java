package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procedure of docs/disaster-recovery.md on a key the server stored: the value taken out of the
 * database as hex, turned into DER with perl, and opened by openssl with the PKCS#12 file alone.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(86)
class DisasterRecoveryIT {

    @TempDir
    Path work;


    @Test
    void aStoredKeyIsReadWithTheDatabaseThePkcs12FileAndOpensslAlone() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        Path encryption = Keywarden.dataDir().resolve("encryption");
        Files.copy(encryption.resolve("keystore.p12"), work.resolve("keystore.p12"));
        Files.copy(encryption.resolve("keystore.password"), work.resolve("keystore.password"));

        // Step 1, the SQL of the guide for this database, through JDBC instead of psql / the H2 shell
        String sql = "postgresql".equals(System.getProperty("keywarden.test.db"))
                ? "SELECT encode(substring(recovery_password FROM 2), 'hex') FROM recovery_key WHERE recovery_key_id = ?"
                : "SELECT RAWTOHEX(SUBSTRING(recovery_password FROM 2)) FROM recovery_key WHERE recovery_key_id = ?";
        Files.writeString(work.resolve("value.hex"), Database.text(sql, key.get("recoveryKeyId")) + "\n");

        // Steps 2 and 3, verbatim
        sh("perl -ne 's/\\s+//g; print pack(\"H*\", $_)' value.hex > value.der");
        String plain = sh("openssl cms -decrypt -inform DER -in value.der -inkey keystore.p12 "
                + "-passin file:keystore.password");

        assertEquals(key.get("recoveryPassword"), plain);
    }

    private String sh(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("failed: " + command);
        }
        return out;
    }
}
