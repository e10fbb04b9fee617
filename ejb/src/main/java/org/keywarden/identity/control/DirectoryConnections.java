package org.keywarden.identity.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens a connection to the directory, bound as the given DN with its password, over LDAPS or StartTLS
 * (plain LDAP only when the configuration says {@code NONE}). The server's certificate must chain to
 * {@code KEYWARDEN_LDAP_TRUST_CERTIFICATE} (a PEM file) if it is set, else to the JVM's trust store;
 * StartTLS also checks that it names the host.
 */
final class DirectoryConnections {

    private final DirectoryConfiguration configuration;
    private final SSLSocketFactory sockets;

    DirectoryConnections(DirectoryConfiguration configuration) {
        this.configuration = configuration;
        this.sockets = configuration.tls() == DirectoryConfiguration.Tls.NONE ? null : sockets(configuration);
        DirectorySocketFactory.use(sockets);
    }

    /** A connection bound as {@code dn}; {@link javax.naming.AuthenticationException} for wrong credentials. */
    LdapContext bound(String dn, char[] password) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, configuration.url().toString());
        env.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(configuration.timeout().toMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", String.valueOf(configuration.timeout().toMillis()));
        env.put(Context.REFERRAL, "ignore");
        if (configuration.tls() == DirectoryConfiguration.Tls.LDAPS) {
            env.put("java.naming.ldap.factory.socket", DirectorySocketFactory.class.getName());
        }
        if (configuration.tls() != DirectoryConfiguration.Tls.STARTTLS) {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, dn);
            env.put(Context.SECURITY_CREDENTIALS, password.clone());
            return new InitialLdapContext(env, null);
        }
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        LdapContext context = new InitialLdapContext(env, null);
        try {
            StartTlsResponse tls = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
            tls.negotiate(sockets);
            context.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
            context.addToEnvironment(Context.SECURITY_PRINCIPAL, dn);
            context.addToEnvironment(Context.SECURITY_CREDENTIALS, password.clone());
            context.reconnect(null);
            return context;
        } catch (NamingException | IOException | RuntimeException e) {
            context.close();
            if (e instanceof NamingException naming) {
                throw naming;
            }
            NamingException failed = new javax.naming.CommunicationException("StartTLS failed: " + e.getClass().getSimpleName());
            failed.setRootCause(e);
            throw failed;
        }
    }

    private static SSLSocketFactory sockets(DirectoryConfiguration configuration) {
        try {
            if (configuration.trustCertificate().isEmpty()) {
                return SSLContext.getDefault().getSocketFactory();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            try (InputStream pem = Files.newInputStream(configuration.trustCertificate().get())) {
                int i = 0;
                for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    trusted.setCertificateEntry("directory-" + i++, (X509Certificate) certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("KEYWARDEN_LDAP_TRUST_CERTIFICATE cannot be read as PEM certificates: "
                    + e.getClass().getSimpleName());
        }
    }
}
