package org.keywarden.client;

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
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the {@link HttpClient} of the agent, {@code keywarden-admin} and the load generator: HTTP/1.1
 * with keep-alive (the client pools connections), no redirects followed (a redirect would resend a
 * token or Basic credentials elsewhere), TLS trust from the JDK defaults, from a given trust store, or
 * (self-signed development server only) none at all.
 */
public final class HttpClientFactory {
    private HttpClientFactory() {
    }

    /**
     * @param insecure           trust every certificate and host name
     * @param trustStore         PEM/DER certificates ({@code .pem}, {@code .crt}, {@code .cer}) or a
     *                           PKCS12/JKS key store, or {@code null} for the JDK's trusted CAs
     * @param trustStorePassword the key store's password, or {@code null}
     * @param connectTimeout     connection timeout
     * @throws IllegalArgumentException if the trust store cannot be read
     */
    /** With the JDK's trusted CAs, or none at all when {@code insecure}. */
    public static HttpClient create(boolean insecure, Duration connectTimeout) {
        return create(insecure, null, null, connectTimeout);
    }

    public static HttpClient create(boolean insecure, Path trustStore, char[] trustStorePassword,
                                    Duration connectTimeout) {
        return create(insecure, trustStore, trustStorePassword, null, connectTimeout);
    }

    /**
     * @param pinnedSha256 the server certificate's SHA-256 fingerprint (64 hex digits; colons, spaces
     *                     and case do not matter): only that certificate is accepted; {@code null}: none
     * @throws IllegalArgumentException if the pin is not a SHA-256 fingerprint, or the trust store cannot be read
     */
    public static HttpClient create(boolean insecure, Path trustStore, char[] trustStorePassword, String pinnedSha256,
                                    Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        try {
            if (pinnedSha256 != null) {
                builder.sslContext(context(new TrustManager[] {new PinnedCertificate(pinnedSha256)}));
            } else if (insecure) {
                builder.sslContext(context(new TrustManager[] {new AcceptAnyCertificate()}));
            } else if (trustStore != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStoreOf(trustStore, trustStorePassword));
                builder.sslContext(context(tmf.getTrustManagers()));
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use trust store " + trustStore + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustManagers, new SecureRandom());
        return ctx;
    }

    private static KeyStore trustStoreOf(Path file, char[] password) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"))) {
            return KeyStore.getInstance(file.toFile(), password);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new IOException("no certificate in " + file);
        }
        int n = 0;
        for (Certificate c : certificates) {
            store.setCertificateEntry("trusted-" + n++, c);
        }
        return store;
    }

    /**
     * Trusts every certificate; as an {@link X509ExtendedTrustManager} it also replaces the host name
     * check, which it leaves out.
     */
    private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
