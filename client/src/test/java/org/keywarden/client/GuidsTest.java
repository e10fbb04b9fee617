package org.keywarden.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuidsTest {

    @Test
    void newGuidsAreUpperCaseWithoutBraces() {
        String guid = Guids.newGuid();
        assertTrue(guid.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"), guid);
        assertNotEquals(guid, Guids.newGuid());
    }

    @Test
    void normalizeAcceptsBracesAndAnyCase() {
        String canonical = "6FA459EA-EE8A-3CA4-894E-DB77E160355E";
        assertEquals(canonical, Guids.normalize("{6fa459ea-ee8a-3ca4-894e-db77e160355e}"));
        assertEquals(canonical, Guids.normalize("6fa459ea-EE8A-3ca4-894e-db77e160355e"));
        assertTrue(Guids.same("{" + canonical + "}", canonical.toLowerCase()));
        assertThrows(IllegalArgumentException.class, () -> Guids.normalize("not-a-guid"));
        assertFalse(Guids.isGuid(null));
    }
}
