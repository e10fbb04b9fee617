package org.keywarden.disclosure.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keywarden.platform.control.Violation;

/** The rules the portal's forms reach without RequestFields: the same refusals as the API's. */
class DisclosureRulesTest {

    @Test
    void aReasonTextWithAnUnpairedSurrogateIsRefused() {
        List<Violation> violations = new ArrayList<>();
        DisclosureRules.checkReasonText(true, "locked out \uD800 again", violations);
        assertEquals(List.of("reasonText"), violations.stream().map(Violation::field).toList());
        violations.clear();
        DisclosureRules.checkReasonText(true, "locked out \uD83D\uDD12 again\nsecond line", violations);
        assertEquals(List.of(), violations, "a paired surrogate (an emoji) and a line break are text");
    }

    @Test
    void anEndUserWithDeceptiveCharactersIsNoDomainUser() {
        assertTrue(DisclosureRules.isDomainUser("CORP\\alice"));
        assertFalse(DisclosureRules.isDomainUser("CORP\\al\u202Eice"), "a bidirectional override");
        assertFalse(DisclosureRules.isDomainUser("CORP\\al\u200Bice"), "a zero-width space");
        assertFalse(DisclosureRules.isDomainUser("CORP\\al\uDC00ice"), "an unpaired surrogate");
    }
}
