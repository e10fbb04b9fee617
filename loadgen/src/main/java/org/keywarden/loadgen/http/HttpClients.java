package org.keywarden.loadgen.http;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Creates the load generator's {@link HttpClient}: HTTP/1.1 only, no redirects. The client keeps
 * connections alive in its pool, so with C requests in flight it settles on about C connections.
 */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * @param insecure       accept any server certificate and host name (test servers with a
     *                       self-signed certificate only)
     * @param connectTimeout timeout for opening a connection
     */
    public static HttpClient create(boolean insecure, Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (insecure) {
            b.sslContext(acceptingAnyCertificate());
        }
        return b.build();
    }

    private static SSLContext acceptingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts every chain. As an extended trust manager it is also in charge of the endpoint
     * (host name) identification, which it therefore skips.
     */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        private static final X509Certificate[] NONE = new X509Certificate[0];

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // any
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // any
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // any
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // not a server
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // not a server
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return NONE;
        }
    }
}
