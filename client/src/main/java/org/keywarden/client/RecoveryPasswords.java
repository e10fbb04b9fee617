package org.keywarden.client;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * BitLocker 48-digit recovery passwords: 8 groups of 6 digits separated by hyphens, where every
 * group is a 16-bit value times 11 (so {@code g % 11 == 0} and {@code g <= 720885}).
 */
public final class RecoveryPasswords {
    /** Largest valid group: 65535 * 11. */
    public static final int MAX_GROUP = 720_885;
    private static final int GROUPS = 8;
    private static final Pattern FORMAT = Pattern.compile("\\d{6}(-\\d{6}){7}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryPasswords() {
    }

    /** A new valid recovery password, hyphenated, from a shared secure generator. <strong>Secret.</strong> */
    public static String next() {
        return generate(RANDOM);
    }

    /** A new valid recovery password, hyphenated. <strong>Secret.</strong> */
    public static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(55);
        for (int i = 0; i < GROUPS; i++) {
            if (i > 0) {
                sb.append('-');
            }
            int k = random.nextInt(65_536);
            String group = Integer.toString(k * 11);
            sb.append("000000", 0, 6 - group.length()).append(group);
        }
        return sb.toString();
    }

    /** Whether the value is a valid hyphenated recovery password. */
    public static boolean isValid(String password) {
        if (password == null || !FORMAT.matcher(password).matches()) {
            return false;
        }
        for (String group : password.split("-")) {
            int g = Integer.parseInt(group);
            if (g % 11 != 0 || g > MAX_GROUP) {
                return false;
            }
        }
        return true;
    }
}
