package org.keywarden.escrow.control;

/**
 * A BitLocker recovery password: 48 digits in 8 groups of 6. Each group is a 16-bit value times 11,
 * so it is divisible by 11 and at most 720885. Accepted with hyphens, spaces or nothing between
 * groups; always held hyphenated. Never printed: {@link #toString()} hides it.
 */
public final class RecoveryPassword {

    private static final int GROUPS = 8;
    private static final int GROUP_DIGITS = 6;
    private static final int MAX_GROUP = 720885;

    private final String value;

    private RecoveryPassword(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException with a message that names the broken rule (never the value)
     */
    public static RecoveryPassword parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("is required");
        }
        String digits = stripSeparators(input.strip());
        if (digits.length() != GROUPS * GROUP_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "must be 48 digits in 8 groups of 6, separated by hyphens, spaces or nothing");
        }
        StringBuilder normalized = new StringBuilder(GROUPS * (GROUP_DIGITS + 1));
        for (int g = 0; g < GROUPS; g++) {
            String group = digits.substring(g * GROUP_DIGITS, (g + 1) * GROUP_DIGITS);
            int number = Integer.parseInt(group);
            if (number % 11 != 0) {
                throw new IllegalArgumentException("group " + (g + 1) + " fails the checksum (must be divisible by 11)");
            }
            if (number > MAX_GROUP) {
                throw new IllegalArgumentException("group " + (g + 1) + " exceeds " + MAX_GROUP);
            }
            if (g > 0) {
                normalized.append('-');
            }
            normalized.append(group);
        }
        return new RecoveryPassword(normalized.toString());
    }

    /** Separators must be uniform between groups: all hyphens, all single spaces, or none. */
    private static String stripSeparators(String s) {
        int expectedWithSeparators = GROUPS * GROUP_DIGITS + GROUPS - 1;
        if (s.length() == expectedWithSeparators) {
            char separator = s.charAt(GROUP_DIGITS);
            if (separator != '-' && separator != ' ') {
                return s;
            }
            StringBuilder digits = new StringBuilder(GROUPS * GROUP_DIGITS);
            for (int i = 0; i < s.length(); i++) {
                boolean separatorPosition = (i + 1) % (GROUP_DIGITS + 1) == 0;
                char c = s.charAt(i);
                if (separatorPosition) {
                    if (c != separator) {
                        return s;
                    }
                } else {
                    digits.append(c);
                }
            }
            return digits.toString();
        }
        return s;
    }

    /** The hyphenated form, the one stored and shown through the disclosure path. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecoveryPassword other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "RecoveryPassword[hidden]";
    }
}
