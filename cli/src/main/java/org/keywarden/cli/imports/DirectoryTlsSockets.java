package org.keywarden.cli.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.concurrent.Callable;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS sockets to the directory: they trust the certificates of a PEM file (or the JVM's trust store) and
 * always verify that the certificate names the host.
 *
 * <p>For {@code ldaps://} JNDI takes a socket factory by class name ({@code java.naming.ldap.factory.socket})
 * and calls its static {@link #getDefault()}, so {@link #whileConnecting} hands this thread's factory to
 * that call; StartTLS is given the factory itself.
 */
public final class DirectoryTlsSockets extends SSLSocketFactory {

    private static final ThreadLocal<DirectoryTlsSockets> CONNECTING = new ThreadLocal<>();

    private final SSLSocketFactory delegate;

    private DirectoryTlsSockets(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * Sockets that trust the certificates in the PEM file, or the JVM's trust store if it is null.
     *
     * @throws IOException if the file cannot be read or holds no certificate
     */
    static DirectoryTlsSockets trusting(Path pemFile) throws IOException {
        try {
            if (pemFile == null) {
                return new DirectoryTlsSockets(SSLContext.getDefault().getSocketFactory());
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream pem = Files.newInputStream(pemFile)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            }
            if (certificates.isEmpty()) {
                throw new IOException(pemFile + " holds no PEM certificate");
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("directory-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new DirectoryTlsSockets(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IOException((pemFile == null ? "the JVM's trust store" : pemFile.toString())
                    + " cannot be used to trust the directory: " + e.getMessage(), e);
        }
    }

    /** Runs {@code connect} with these sockets as the ones JNDI's {@link #getDefault()} gives on this thread. */
    <T> T whileConnecting(Callable<T> connect) throws Exception {
        DirectoryTlsSockets previous = CONNECTING.get();
        CONNECTING.set(this);
        try {
            return connect.call();
        } finally {
            if (previous == null) {
                CONNECTING.remove();
            } else {
                CONNECTING.set(previous);
            }
        }
    }

    /**
     * Called by JNDI for {@code ldaps://}: the sockets of the connection being opened on this thread, or, outside
     * {@link #whileConnecting}, sockets that trust the JVM's trust store (and still check the host name).
     */
    public static SocketFactory getDefault() {
        DirectoryTlsSockets sockets = CONNECTING.get();
        return sockets != null ? sockets : new DirectoryTlsSockets((SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** Makes the handshake check that the certificate names the host (as RFC 4513 asks for LDAP). */
    private static Socket verifyingHost(Socket socket) {
        if (socket instanceof SSLSocket tls) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("LDAPS");
            tls.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return verifyingHost(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        return verifyingHost(delegate.createSocket(plain, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return verifyingHost(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return verifyingHost(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return verifyingHost(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return verifyingHost(delegate.createSocket(address, port, localAddress, localPort));
    }
}
