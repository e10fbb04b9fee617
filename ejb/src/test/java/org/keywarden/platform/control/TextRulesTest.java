package org.keywarden.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which characters a request may not carry. */
class TextRulesTest {

    @Test
    void unpairedSurrogatesAreFoundAndPairsAreText() {
        assertTrue(TextRules.hasLoneSurrogate("PC\ud800"));
        assertTrue(TextRules.hasLoneSurrogate("\udc00PC"));
        assertTrue(TextRules.hasLoneSurrogate("a\ud800b"));
        assertFalse(TextRules.hasLoneSurrogate("PC-\ud83d\udd11"), "a key emoji is a pair, and text");
        assertFalse(TextRules.hasLoneSurrogate("Zürich-Ω"));
    }

    @Test
    void namesThatCouldPassForOthersAreFound() {
        for (String deceptive : new String[] {"PC\u202eexe", "PC\u2066", "P\u200bC", "PC\u200f", "PC\ufeff", "PC\u0085",
                "PC\u2060", "PC\u061c"}) {
            assertTrue(TextRules.hasDeceptiveCharacters(deceptive), deceptive);
        }
        assertFalse(TextRules.hasDeceptiveCharacters("CORP\\Jürgen.Müller"));
        assertFalse(TextRules.hasDeceptiveCharacters("東京-PC"));
    }
}
