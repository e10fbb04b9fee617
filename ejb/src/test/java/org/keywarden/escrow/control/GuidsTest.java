package org.keywarden.escrow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidsTest {

    static final String CANONICAL = "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D";

    @ParameterizedTest
    @ValueSource(strings = {
        "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D",
        "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
        "{0a1b2c3d-4e5f-6a7b-8C9D-0E1F2A3B4C5D}",
        " {0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D} "
    })
    void normalizesToUpperCaseWithoutBraces(String input) {
        assertEquals(CANONICAL, Guids.normalize(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D",
        "{0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D",
        "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5G",
        "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D0",
        "(0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D)",
        "'; DROP TABLE recovery_key; --"
    })
    void rejectsWhatIsNotAGuid(String input) {
        assertNull(Guids.normalize(input));
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertNull(Guids.normalize(null));
    }
}
