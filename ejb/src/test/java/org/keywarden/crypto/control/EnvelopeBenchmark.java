package org.keywarden.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Micro benchmark, not a test: seals and opens 10,000 recovery passwords and prints microseconds per operation,
 * wall clock and CPU time of this thread (the latter is steadier on a busy machine).
 */
public final class EnvelopeBenchmark {

    private EnvelopeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path directory = Files.createTempDirectory("keywarden-bench");
        Path p12 = directory.resolve("ks.p12");
        char[] password = "benchmark".toCharArray();
        EncryptionKeystores.generate(p12, password, "Keywarden benchmark");
        KeyRing keys = KeyRing.load(p12, password);
        byte[] plain = "123456-234567-345678-456789-567890-678901-789012-890123".getBytes(UTF_8);
        Binding binding = new Binding("0A1B2C3D-4E5F-6789-ABCD-EF0123456789", "recoveryPassword");
        byte[][] sealed = new byte[count][];
        for (int i = 0; i < Math.min(count, 500); i++) {
            Envelope.open(Envelope.seal(plain, binding, keys.newest()), binding, keys);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            sealed[i] = Envelope.seal(plain, binding, keys.newest());
        }
        long sealNanos = System.nanoTime() - start;
        long sealCpu = threads.getCurrentThreadCpuTime() - cpu;
        start = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            Envelope.open(sealed[i], binding, keys);
        }
        long openNanos = System.nanoTime() - start;
        long openCpu = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf("%d values of %d bytes, %d bytes sealed%n", count, plain.length, sealed[0].length);
        System.out.printf("seal: %.1f µs wall, %.1f µs CPU per value%n", micros(sealNanos, count), micros(sealCpu, count));
        System.out.printf("open: %.1f µs wall, %.1f µs CPU per value%n", micros(openNanos, count), micros(openCpu, count));
        Files.delete(p12);
        Files.delete(directory);
    }

    private static double micros(long nanos, int count) {
        return nanos / 1000.0 / count;
    }
}
