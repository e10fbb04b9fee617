package org.keywarden.escrow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryPasswordTest {

    static final String VALID = "123453-234564-345675-456786-567897-678997-000000-720885";

    @Test
    void acceptsHyphenatedGroupsAndKeepsThem() {
        assertEquals(VALID, RecoveryPassword.parse(VALID).value());
    }

    @Test
    void acceptsSpacesOrNoSeparatorAndStoresHyphenated() {
        assertEquals(VALID, RecoveryPassword.parse(VALID.replace('-', ' ')).value());
        assertEquals(VALID, RecoveryPassword.parse(VALID.replace("-", "")).value());
        assertEquals(VALID, RecoveryPassword.parse("  " + VALID + " ").value());
    }

    @Test
    void theLargestGroupIs720885() {
        assertEquals("720885-720885-720885-720885-720885-720885-720885-720885",
                RecoveryPassword.parse("720885-720885-720885-720885-720885-720885-720885-720885").value());
        // 720896 is divisible by 11 but above the 16-bit bound (65536 * 11)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecoveryPassword.parse("720896-234564-345675-456786-567897-678997-000000-720885"));
        assertTrue(e.getMessage().contains("group 1 exceeds 720885"), e.getMessage());
    }

    @Test
    void rejectsAGroupThatFailsTheChecksumAndNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecoveryPassword.parse("123453-234564-345676-456786-567897-678997-000000-720885"));
        assertTrue(e.getMessage().contains("group 3"), e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "123453-234564-345675-456786-567897-678997-000000",              // 7 groups
        "123453-234564-345675-456786-567897-678997-000000-720885-000000", // 9 groups
        "123453-234564-345675-456786-567897-678997-000000-72088",         // 47 digits
        "12345-3234564-345675-456786-567897-678997-000000-720885",        // misplaced hyphen
        "123453-234564 345675-456786-567897-678997-000000-720885",        // mixed separators
        "123453_234564_345675_456786_567897_678997_000000_720885",        // wrong separator
        "12345a-234564-345675-456786-567897-678997-000000-720885",        // letter
        "١٢٣٤٥٣-234564-345675-456786-567897-678997-000000-720885"         // non-ASCII digits
    })
    void rejectsMalformedInput(String input) {
        assertThrows(IllegalArgumentException.class, () -> RecoveryPassword.parse(input));
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> RecoveryPassword.parse(null));
    }

    @Test
    void neverPrintsItselfOrPutsTheValueInAnError() {
        assertFalse(RecoveryPassword.parse(VALID).toString().contains("123453"));
        String broken = "123453-234564-345676-456786-567897-678997-000000-720885";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecoveryPassword.parse(broken));
        assertFalse(e.getMessage().contains("345676"));
    }
}
