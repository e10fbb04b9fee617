package org.keywarden.loadgen.device;

import java.security.SecureRandom;

/**
 * Valid BitLocker recovery passwords for the simulation: 8 hyphen-separated groups of 6 digits,
 * each group being {@code 11 * k} with {@code 0 <= k <= 65535} (the server's checksum rule).
 */
public final class RecoveryPasswords {
    /** Number of groups. */
    public static final int GROUPS = 8;
    /** Largest value of a group, {@code 11 * 65535}. */
    public static final int LARGEST_GROUP = 11 * 0xFFFF;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryPasswords() {
    }

    /** A fresh random recovery password. Secret: never print it. */
    public static String next() {
        char[] out = new char[GROUPS * 7 - 1];
        int pos = 0;
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                out[pos++] = '-';
            }
            int value = 11 * RANDOM.nextInt(0x10000);
            for (int d = 5; d >= 0; d--) {
                out[pos + d] = (char) ('0' + value % 10);
                value /= 10;
            }
            pos += 6;
        }
        return new String(out);
    }

    /** Whether {@code s} is a hyphenated recovery password that passes the checksum rule. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != GROUPS * 7 - 1) {
            return false;
        }
        for (int g = 0; g < GROUPS; g++) {
            int start = g * 7;
            if (g > 0 && s.charAt(start - 1) != '-') {
                return false;
            }
            int value = 0;
            for (int i = start; i < start + 6; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            if (value % 11 != 0 || value > LARGEST_GROUP) {
                return false;
            }
        }
        return true;
    }
}
