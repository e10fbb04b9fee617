package org.keywarden.identity.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS sockets of LDAPS connections, trusting the directory's certificate: JNDI asks for a socket
 * factory by class name ({@code java.naming.ldap.factory.socket}) and calls its static
 * {@link #getDefault()}, so the configured factory is kept here.
 */
public final class DirectorySocketFactory extends SocketFactory {

    private static volatile SSLSocketFactory configured;

    static void use(SSLSocketFactory sockets) {
        configured = sockets;
    }

    public static SocketFactory getDefault() {
        return new DirectorySocketFactory();
    }

    private static SSLSocketFactory delegate() {
        SSLSocketFactory sockets = configured;
        return sockets != null ? sockets : (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate().createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate().createSocket(address, port, localAddress, localPort);
    }
}
