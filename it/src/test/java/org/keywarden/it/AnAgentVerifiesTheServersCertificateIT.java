package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.ExitCodes;
import org.keywarden.agent.KeywardenAgent;
import picocli.CommandLine;

/**
 * The HTTPS certificate Keywarden generates (ECDSA P-256, subject alternative names from
 * KEYWARDEN_HOSTNAMES: here localhost and keywarden-it.example) is one a real agent can verify without
 * --insecure: trusted as a file, by the name it was made for; or pinned by its SHA-256 fingerprint,
 * by any name. Another name, another fingerprint, or no trust at all fails the handshake before the
 * enrollment secret is sent; plain HTTP to another machine is refused before anything is sent.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(123)
class AnAgentVerifiesTheServersCertificateIT {

    @TempDir
    Path states;


    @Test
    void theGeneratedCertificateNamesTheConfiguredHostsWithAnEcKey() throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certificatePem())) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        List<String> names = new ArrayList<>();
        certificate.getSubjectAlternativeNames().forEach(n -> names.add(String.valueOf(n.get(1))));
        assertEquals(List.of("localhost", "keywarden-it.example"), names);
        assertTrue(certificate.getPublicKey() instanceof ECPublicKey key && key.getParams().getCurve().getField()
                .getFieldSize() == 256, certificate.getPublicKey().toString());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
    }

    @Test
    void theAgentTrustsTheCertificateByItsNameOrByItsFingerprintAndNothingElse() throws Exception {
        String pem = certificatePem().toString();
        String pin = Files.readString(Keywarden.dataDir().resolve("tls/certificate.sha256")).strip();
        assertEquals(ExitCodes.OK, enroll("https://localhost:8443", "--trust-store", pem), "by the name it names");
        assertEquals(ExitCodes.OK, enroll("https://127.0.0.1:8443", "--server-certificate-sha256", pin),
                "pinned, by a name it does not name");
        assertEquals(ExitCodes.OK, enroll("https://127.0.0.1:8443", "--server-certificate-sha256",
                pin.toUpperCase().replaceAll("(..)(?!$)", "$1:")), "the pin as keytool prints it");

        String other = "ab".repeat(32);
        assertEquals(ExitCodes.SERVER_UNREACHABLE, enroll("https://127.0.0.1:8443", "--trust-store", pem),
                "trusted, but not made for 127.0.0.1");
        assertEquals(ExitCodes.SERVER_UNREACHABLE, enroll("https://localhost:8443", "--server-certificate-sha256", other),
                "another fingerprint");
        assertEquals(ExitCodes.SERVER_UNREACHABLE, enroll("https://localhost:8443"), "no trust: not a known CA");
        assertEquals(ExitCodes.LOCAL_ERROR, enroll("https://localhost:8443", "--server-certificate-sha256", "not-hex"));
        String refused = output;
        assertTrue(refused.contains("SHA-256 fingerprint"), refused);

        assertEquals(ExitCodes.LOCAL_ERROR, enroll("http://keywarden-it.example:8080"), "plain HTTP to another host");
        assertTrue(output.contains("https://"), output);
        assertFalse(output.contains(Keywarden.enrollmentSecret()), "the secret was printed");
    }

    private String output = "";

    private int enroll(String server, String... trust) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server", server, "--state",
                Files.createTempDirectory(states, "agent").toString()));
        args.addAll(List.of(trust));
        args.addAll(List.of("enroll", "--secret", Keywarden.enrollmentSecret(), "--hostname",
                "TLS-" + Secrets.guid().substring(0, 8), "--domain", "CORP"));
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new KeywardenAgent());
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute(args.toArray(String[]::new));
        output = text.toString();
        return exit;
    }

    private static Path certificatePem() {
        return Keywarden.dataDir().resolve("tls/certificate.pem");
    }
}
