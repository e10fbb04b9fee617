package org.keywarden.platform.control;

/**
 * Characters no request may carry: unpaired surrogates (no Unicode text at all) anywhere, and in names
 * that identify something also C1 controls, bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and zero-width characters, with which one name can pass for another on a page.
 */
public final class TextRules {

    private TextRules() {
    }

    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasDeceptiveCharacters(String text) {
        return text.chars().anyMatch(c -> (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || (c >= 0x200b && c <= 0x200f) || c == 0x2060 || c == 0xfeff
                || c == 0x061c);
    }
}
