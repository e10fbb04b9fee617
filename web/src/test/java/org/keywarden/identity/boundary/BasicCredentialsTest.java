package org.keywarden.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonOnly() {
        BasicCredentials credentials = BasicCredentials.of(basic("admin:pa:ss:word")).orElseThrow();
        assertEquals("admin", credentials.username());
        assertArrayEquals("pa:ss:word".toCharArray(), credentials.password());
    }

    @Test
    void readsUtf8AndAnySchemeCase() {
        BasicCredentials credentials = BasicCredentials.of("bAsIc " + basic("jürgen:pässwörd€").substring(6)).orElseThrow();
        assertEquals("jürgen", credentials.username());
        assertArrayEquals("pässwörd€".toCharArray(), credentials.password());
    }

    @Test
    void anEmptyPasswordIsACredentialThatWillNotMatch() {
        BasicCredentials credentials = BasicCredentials.of(basic("admin:")).orElseThrow();
        assertEquals(0, credentials.password().length);
    }

    @Test
    void malformedHeadersAreNoCredential() {
        for (String header : new String[] {null, "", "Basic", "Basic ", "Bearer abc", "Basic !!!!", "Basic YWRtaW4",
                basic("admin"), basic(":password"), basic(""), basic("admin:" + "x".repeat(3100)),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff, (byte) 0xfe})}) {
            assertTrue(BasicCredentials.of(header).isEmpty(), String.valueOf(header));
        }
    }

    @Test
    void acceptsLongPasswordsUpToTheHeaderLimit() {
        assertEquals(3000, BasicCredentials.of(basic("admin:" + "x".repeat(3000))).orElseThrow().password().length);
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(BasicCredentials.of(basic("admin:s3cret")).orElseThrow().toString().contains("s3cret"));
    }
}
