package org.keywarden.agent.api;

import java.util.regex.Pattern;

/**
 * Last line of defence for text that reaches the console: anything shaped like a 48-digit
 * recovery password is replaced, whoever produced the text.
 */
public final class Redaction {
    private static final Pattern RECOVERY_PASSWORD = Pattern.compile("(?<!\\d)\\d{6}(?:[- ]?\\d{6}){7}(?!\\d)");
    private static final int MAX_LENGTH = 500;

    private Redaction() {
    }

    /** The text with recovery-password-shaped runs replaced and control characters flattened. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String s = RECOVERY_PASSWORD.matcher(text).replaceAll("(redacted)");
        s = s.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "?");
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }
}
