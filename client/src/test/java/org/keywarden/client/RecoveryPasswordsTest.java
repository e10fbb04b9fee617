package org.keywarden.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryPasswordsTest {

    @Test
    void generatedPasswordsAlwaysSatisfyTheRule() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String password = RecoveryPasswords.generate(random);
            assertTrue(password.matches("\\d{6}(-\\d{6}){7}"), "format");
            assertEquals(55, password.length());
            String[] groups = password.split("-");
            assertEquals(8, groups.length);
            for (String group : groups) {
                int g = Integer.parseInt(group);
                assertEquals(0, g % 11, "group divisible by 11");
                assertTrue(g <= 720_885, "group at most 720885");
            }
            assertTrue(RecoveryPasswords.isValid(password));
            seen.add(password);
        }
        assertEquals(20_000, seen.size(), "passwords are random");
    }

    @Test
    void extremeGroupsArePaddedAndValid() {
        SecureRandom zeros = fixed(0);
        assertEquals("000000-000000-000000-000000-000000-000000-000000-000000", RecoveryPasswords.generate(zeros));
        SecureRandom max = fixed(65_535);
        assertEquals("720885-720885-720885-720885-720885-720885-720885-720885", RecoveryPasswords.generate(max));
    }

    @Test
    void invalidPasswordsAreRejected() {
        assertFalse(RecoveryPasswords.isValid(null));
        assertFalse(RecoveryPasswords.isValid("000011-000022-000033-000044-000055-000066-000077"));
        assertFalse(RecoveryPasswords.isValid("000012-000022-000033-000044-000055-000066-000077-000088"));
        assertFalse(RecoveryPasswords.isValid("720896-000022-000033-000044-000055-000066-000077-000088"));
        assertFalse(RecoveryPasswords.isValid("000011 000022 000033 000044 000055 000066 000077 000088"));
        assertTrue(RecoveryPasswords.isValid("000011-000022-000033-000044-000055-000066-000077-000088"));
    }

    private static SecureRandom fixed(int value) {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }
}
