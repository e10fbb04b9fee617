package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A device that retries an escrow, after a timeout or all at once, ends up with the key stored once. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(60)
class EscrowRetryIT {

    @Test
    void anEscrowRetriedAfterTheClientGaveUpIsStoredOnce() throws Exception {
        TestDevice device = TestDevice.enroll();
        String keyId = Secrets.guid();
        String body = TestDevice.key(Secrets.guid(), "OS", keyId, Secrets.recoveryPassword()).build().toString();

        sendAndHangUp(device, body); // the client timed out: it never read the answer

        Http.Reply retry = Http.post(device.path("/recovery-keys"), body, device.token);
        Http.Reply again = Http.post(device.path("/recovery-keys"), body, device.token);
        // the abandoned request may or may not have committed before the retry arrived
        assertEquals(true, retry.status() == 200 || retry.status() == 201, retry::toString);
        assertEquals(200, again.status(), again::toString);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE recovery_key_id = ? "
                + "AND action = 'KEY_ESCROW' AND outcome = 'SUCCESS'", keyId), "stored once, audited once");
    }

    @Test
    void concurrentRetriesOfOneEscrowStoreOneKeyWithOne201() throws Exception {
        TestDevice device = TestDevice.enroll();
        String keyId = Secrets.guid();
        String body = TestDevice.key(Secrets.guid(), "OS", keyId, Secrets.recoveryPassword()).build().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Http.Reply>> retries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                retries.add(() -> Http.post(device.path("/recovery-keys"), body, device.token));
            }
            int created = 0;
            int ok = 0;
            for (Future<Http.Reply> reply : pool.invokeAll(retries)) {
                int status = reply.get().status();
                created += status == 201 ? 1 : 0;
                ok += status == 200 ? 1 : 0;
            }
            assertEquals(1, created, "exactly one attempt stored the key");
            assertEquals(15, ok, "every other attempt was acknowledged as a retry");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", device.id));
    }

    private static void sendAndHangUp(TestDevice device, String body) throws Exception {
        URI uri = URI.create(Keywarden.api(device.path("/recovery-keys")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + device.token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }
    }
}
