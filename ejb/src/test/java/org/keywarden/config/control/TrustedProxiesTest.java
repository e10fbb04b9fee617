package org.keywarden.config.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, ::1, 10.0.0.0/8");

    @Test
    void addressesAndRangesAreTrusted() {
        assertTrue(proxies.contains("127.0.0.1"));
        assertTrue(proxies.contains("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.contains("10.200.3.4"));
        assertFalse(proxies.contains("127.0.0.2"));
        assertFalse(proxies.contains("11.0.0.1"));
        assertFalse(proxies.contains("proxy.example"), "a name is never looked up");
        assertFalse(proxies.contains("300.1.1.1"));
        assertFalse(proxies.contains(".::"), "not a literal InetAddress would parse (it would look it up)");
        assertFalse(proxies.contains("1.2.3.4:5555"), "an address with a port");
        assertFalse(proxies.contains(null));
    }

    @Test
    void theClientIsTheRightMostAddressNoTrustedProxyAdded() {
        assertEquals("198.51.100.7", proxies.clientOf("127.0.0.1", List.of("198.51.100.7")));
        assertEquals("198.51.100.7", proxies.clientOf("127.0.0.1", List.of("203.0.113.1, 198.51.100.7, 10.1.1.1")),
                "what the client wrote further left is not believed");
        assertEquals("198.51.100.7", proxies.clientOf("127.0.0.1", List.of("203.0.113.1", "198.51.100.7")));
        assertEquals("192.0.2.5", proxies.clientOf("192.0.2.5", List.of("198.51.100.7")), "not from a proxy: ignored");
        assertEquals("127.0.0.1", proxies.clientOf("127.0.0.1", List.of()));
        assertEquals("10.1.1.1", proxies.clientOf("127.0.0.1", List.of("not-an-address, 10.1.1.1")),
                "a malformed hop ends the walk at the last proxy");
        assertEquals("2001:db8::1", proxies.clientOf("::1", List.of("2001:db8::1")));
    }

    @Test
    void anEntryThatIsNoAddressNamesTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertTrue(e.getMessage().startsWith("KEYWARDEN_TRUSTED_PROXIES: '10.0.0.0/33'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> TrustedProxies.parse("proxy.example"));
    }
}
