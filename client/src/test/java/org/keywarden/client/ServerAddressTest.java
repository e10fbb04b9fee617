package org.keywarden.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void plainHttpIsForThisMachineOnly() {
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:8080", "http://127.8.9.10/",
                "http://[::1]:8080"}) {
            assertDoesNotThrow(() -> ServerAddress.check(URI.create(local), false), local);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServerAddress.check(URI.create("http://keywarden.corp.example:8080"), false));
        assertTrue(refused.getMessage().contains("keywarden.corp.example") && refused.getMessage().contains("https://"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.check(URI.create("http://127.0.0.1.evil.example/"), false));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.check(URI.create("http://10.0.0.5/"), false));
        assertDoesNotThrow(() -> ServerAddress.check(URI.create("http://keywarden.corp.example:8080"), true), "when told");
        assertDoesNotThrow(() -> ServerAddress.check(URI.create("https://keywarden.corp.example:8443"), false));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.check(URI.create("ftp://keywarden.corp.example/"), true));
    }
}
