import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What a full TLS handshake (no session resumption) costs the server for the two key types Keywarden
 * could give its HTTPS certificate: ECDSA P-256 (what server-config/tls/server-keystore.sh makes) and
 * RSA-2048. The server side is the JDK's own TLS (JSSE), which WildFly's HTTPS listener uses; the key
 * pairs are made with keytool as the script makes them. Counts the server thread's CPU time per
 * handshake and the client's wall time, for TLS 1.3 and TLS 1.2. Prints a markdown table.
 *
 *   java bench/TlsHandshakeCost.java [HANDSHAKES]      (default 2000 per row, after 300 to warm up)
 */
public class TlsHandshakeCost {

    record Row(String key, String protocol, double serverCpuMeanMs, double serverCpuP50Ms, double clientWallP50Ms,
               double perCoreSecond) {
    }

    public static void main(String[] args) throws Exception {
        int handshakes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("tls-bench");
        List<Row> rows = new ArrayList<>();
        for (String[] key : new String[][] {{"ECDSA P-256", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg",
                "SHA256withECDSA"}, {"RSA-2048", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA"}}) {
            Path store = dir.resolve(key[2] + ".p12");
            List<String> command = new ArrayList<>(List.of("keytool", "-genkeypair", "-alias", "keywarden",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "30", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "benchmark", "-keypass", "benchmark"));
            command.addAll(List.of(key).subList(1, key.length));
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                rows.add(measure(key[0], protocol, store, handshakes));
            }
        }
        System.out.println("| Key | Protocol | Server CPU per handshake (mean) | (p50) | Client wall time (p50) | Handshakes per core-second |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f ms | %.2f ms | %.2f ms | %.0f |%n", r.key(), r.protocol(),
                    r.serverCpuMeanMs(), r.serverCpuP50Ms(), r.clientWallP50Ms(), r.perCoreSecond());
        }
    }

    static Row measure(String key, String protocol, Path store, int handshakes) throws Exception {
        KeyStore keys = KeyStore.getInstance(store.toFile(), "benchmark".toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "benchmark".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, new SecureRandom());
        server.getServerSessionContext().setSessionCacheSize(1);
        SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setEnabledProtocols(new String[] {protocol});
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BlockingQueue<Long> serverCpu = new ArrayBlockingQueue<>(handshakes + 1000);
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    long before = threads.getCurrentThreadCpuTime();
                    socket.startHandshake();
                    long spent = threads.getCurrentThreadCpuTime() - before;
                    InputStream in = socket.getInputStream();
                    in.read();
                    serverCpu.add(spent);
                } catch (Exception e) {
                    if (!listener.isClosed()) {
                        e.printStackTrace();
                    }
                }
            }
        });
        acceptor.start();
        List<Long> wall = new ArrayList<>();
        int warmUp = 300;
        for (int i = 0; i < warmUp + handshakes; i++) {
            SSLContext client = SSLContext.getInstance("TLS"); // fresh: no session to resume
            client.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            long start = System.nanoTime();
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort())) {
                socket.setEnabledProtocols(new String[] {protocol});
                socket.startHandshake();
                long took = System.nanoTime() - start;
                OutputStream out = socket.getOutputStream();
                out.write(1);
                out.flush();
                if (i >= warmUp) {
                    wall.add(took);
                }
            }
            long cpu = serverCpu.take();
            if (i < warmUp) {
                continue;
            }
            serverCpuSamples.add(cpu);
        }
        listener.close();
        acceptor.join();
        List<Long> cpu = new ArrayList<>(serverCpuSamples);
        serverCpuSamples.clear();
        Collections.sort(cpu);
        Collections.sort(wall);
        double mean = cpu.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        return new Row(key, protocol, mean, cpu.get(cpu.size() / 2) / 1e6, wall.get(wall.size() / 2) / 1e6, 1000 / mean);
    }

    static final List<Long> serverCpuSamples = new ArrayList<>();

    static final class TrustAll implements X509TrustManager {
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
