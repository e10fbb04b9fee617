package org.keywarden.config.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.keywarden.schema.control.InstallationLock;

/**
 * Agents pin the server's HTTPS certificate ({@code --server-certificate-sha256}) or trust it: behind a load
 * balancer that passes TLS through, every node must present the same one. The first node to start records
 * the fingerprint of its generated certificate ({@code <data dir>/tls/certificate.sha256}); a node whose
 * generated certificate differs warns at its start. Only a warning: a certificate from the organisation's CA
 * per node, or a balancer that terminates TLS, is as good.
 */
@Singleton
@Startup
@DependsOn("InstallationCertificates")
@TransactionManagement(TransactionManagementType.BEAN)
public class HttpsCertificateCheck {

    private static final Logger LOG = Logger.getLogger(HttpsCertificateCheck.class.getName());
    static final String NAME = "https-certificate";

    @Inject
    KeywardenSettings settings;

    @PostConstruct
    void compare() {
        Path file = settings.dataDir().resolve("tls/certificate.sha256");
        String own;
        try {
            own = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
        } catch (IOException e) {
            return;
        }
        if (!own.matches("[0-9a-f]{64}")) {
            return; // no generated certificate: the administrator's own TLS configuration
        }
        String first = InstallationLock.run(connection -> {
            String recorded = InstallationValues.read(connection, NAME);
            if (recorded == null) {
                InstallationValues.write(connection, NAME, own, false);
            }
            return recorded == null ? own : recorded;
        });
        if (!first.equals(own)) {
            LOG.warning(() -> "This node's generated HTTPS certificate " + own + " is not the one the installation's "
                    + "first node presents (" + first + "): agents that pinned or trust that one refuse this node. Copy "
                    + "that node's <data dir>/tls/ here before starting, unless a load balancer terminates TLS or your "
                    + "CA issued each node's certificate (README, \"Several nodes behind a load balancer\")");
        }
    }
}
