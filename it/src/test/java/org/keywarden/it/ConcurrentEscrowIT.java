package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 100 concurrent escrows and check-ins of one device for the same volume and key (MBAM had SQL
 * deadlocks under many clients): exactly one key row, one volume, one status, no 5xx, no deadlock.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(76)
class ConcurrentEscrowIT {

    @Test
    void oneKeyRowAndNoErrorUnderAHundredConcurrentRequests() throws Exception {
        TestDevice device = TestDevice.enroll();
        long logStart = java.nio.file.Files.size(Keywarden.serverLog());
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String escrow = TestDevice.key(volume, "OS", keyId, Secrets.recoveryPassword()).build().toString();
        JsonObject status = TestDevice.status(volume, keyId);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean isEscrow = i % 2 == 0;
            requests.add(() -> {
                start.await();
                Http.Reply reply = isEscrow ? Http.post(device.path("/recovery-keys"), escrow, device.token)
                        : device.checkIn(status);
                return (isEscrow ? "escrow " : "check-in ") + reply.status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        Map<String, Integer> outcomes = new TreeMap<>();
        try {
            List<Future<String>> answers = new ArrayList<>();
            requests.forEach(r -> answers.add(pool.submit(r)));
            start.countDown();
            for (Future<String> answer : answers) {
                outcomes.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("check-in 200", 50, "escrow 200", 49, "escrow 201", 1), outcomes);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM volume_status WHERE device_id = ?", device.id));
        assertEquals(0, device.checkIn(status).json().getJsonArray("actions").size(), "no gap left");
        // losing a race for the same row is expected and retried: not an error in the administrator's log
        byte[] log = java.nio.file.Files.readAllBytes(Keywarden.serverLog());
        String written = new String(log, (int) Math.min(logStart, log.length), (int) Math.max(0, log.length - logStart),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(written.contains(" ERROR "), () -> "ERROR lines in the server log: "
                + written.lines().filter(l -> l.contains(" ERROR ")).limit(3).toList());
    }
}
