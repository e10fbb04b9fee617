package org.keywarden.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GeneratedRecoveryPasswordsTest {
    private static final Pattern SHAPE = Pattern.compile("\\d{6}(-\\d{6}){7}");

    @Test
    void generatedPasswordsFollowTheChecksumRule() {
        Set<String> seen = new HashSet<>();
        boolean leadingZero = false;
        for (int i = 0; i < 20_000; i++) {
            String p = RecoveryPasswords.next();
            assertTrue(SHAPE.matcher(p).matches(), "8 groups of 6 digits");
            for (String group : p.split("-")) {
                int value = Integer.parseInt(group);
                assertEquals(0, value % 11, "divisible by 11");
                assertTrue(value / 11 <= 65535, "k fits in 16 bits");
                leadingZero |= group.charAt(0) == '0';
            }
            assertTrue(RecoveryPasswords.isValid(p));
            seen.add(p);
        }
        assertEquals(20_000, seen.size(), "fresh every time");
        assertTrue(leadingZero, "small groups are zero-padded");
    }

    @Test
    void validityCheckRejectsBrokenPasswords() {
        String good = "000000-000011-720885-123453-654654-111111-222222-333333";
        assertTrue(RecoveryPasswords.isValid(good));
        assertFalse(RecoveryPasswords.isValid(good.replace("000011", "000012")), "checksum");
        assertFalse(RecoveryPasswords.isValid(good.replace("720885", "720896")), "above 65535 * 11");
        assertFalse(RecoveryPasswords.isValid(good.replace('-', ' ')), "separator");
        assertFalse(RecoveryPasswords.isValid(good.substring(7)), "too short");
        assertFalse(RecoveryPasswords.isValid(good.replace("000000", "00000a")), "digits only");
        assertFalse(RecoveryPasswords.isValid(null));
    }

    @Test
    void guidsAreUpperCaseWithoutBraces() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String g = Guids.newGuid();
            assertTrue(g.matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}"), g);
            seen.add(g);
        }
        assertEquals(1000, seen.size());
    }
}
