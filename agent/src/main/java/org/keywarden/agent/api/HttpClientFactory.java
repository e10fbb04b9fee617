package org.keywarden.agent.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the agent's {@link HttpClient}: HTTP/1.1 with connection keep-alive (the client pools
 * connections), and TLS trust from the JDK defaults, a trust store, or (for a self-signed
 * development certificate only) nothing at all.
 */
public final class HttpClientFactory {
    private HttpClientFactory() {
    }

    /**
     * @param insecure           trust any certificate and skip host name checks (development only)
     * @param trustStore         a PEM/DER certificate file ({@code .pem}, {@code .crt}, {@code .cer})
     *                           or a PKCS12/JKS key store to trust, or {@code null} for the JDK defaults
     * @param trustStorePassword the key store's password, or {@code null}
     * @param connectTimeout     connection timeout
     */
    public static HttpClient create(boolean insecure, Path trustStore, char[] trustStorePassword,
                                    Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        try {
            if (insecure) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAllTrustManager()}, new SecureRandom());
                builder.sslContext(ctx);
            } else if (trustStore != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(loadTrustStore(trustStore, trustStorePassword));
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
                builder.sslContext(ctx);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use trust store " + trustStore + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static KeyStore loadTrustStore(Path file, char[] password) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            try (InputStream in = Files.newInputStream(file)) {
                int i = 0;
                for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("cert-" + i++, cert);
                }
                if (i == 0) {
                    throw new IOException("no certificate in " + file);
                }
            }
            return ks;
        }
        return KeyStore.getInstance(file.toFile(), password);
    }

    /**
     * Accepts every certificate. Being an {@link X509ExtendedTrustManager}, it also takes over the
     * host name check, which it skips.
     */
    private static final class TrustAllTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
