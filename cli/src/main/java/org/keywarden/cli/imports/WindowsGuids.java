package org.keywarden.cli.imports;

import java.util.Locale;
import org.keywarden.client.Guids;

/**
 * Converts GUIDs between the 16 bytes Windows stores (Active Directory's {@code msFVE-RecoveryGuid} and
 * {@code msFVE-VolumeGuid}) and the canonical string form, upper case without braces.
 *
 * <p>Windows stores a GUID as its {@code GUID} structure: the first three fields (4, 2 and 2 bytes) are
 * little-endian, the last 8 bytes are in order. So {8A696888-99A7-4FAC-92C7-6CC497EA7BDF} is stored as
 * {@code 88 68 69 8A A7 99 AC 4F 92 C7 6C C4 97 EA 7B DF}.
 */
public final class WindowsGuids {
    /** Position in the Windows byte order of each byte of the canonical (big-endian) form. */
    private static final int[] CANONICAL_ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WindowsGuids() {
    }

    /**
     * The canonical form ({@code 8A696888-99A7-4FAC-92C7-6CC497EA7BDF}) of a GUID in Windows byte order.
     *
     * @throws IllegalArgumentException if the value is not 16 bytes
     */
    public static String toCanonical(byte[] windowsOrder) {
        if (windowsOrder == null || windowsOrder.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, this value has "
                    + (windowsOrder == null ? "none" : windowsOrder.length));
        }
        StringBuilder guid = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                guid.append('-');
            }
            int b = windowsOrder[CANONICAL_ORDER[i]] & 0xFF;
            guid.append(HEX[b >>> 4]).append(HEX[b & 0x0F]);
        }
        return guid.toString();
    }

    /**
     * The 16 bytes in Windows byte order of a GUID given with or without braces, in any case.
     *
     * @throws IllegalArgumentException if the value is not a GUID
     */
    public static byte[] toWindowsOrder(String guid) {
        String hex = Guids.normalize(guid).replace("-", "").toLowerCase(Locale.ROOT);
        byte[] windowsOrder = new byte[16];
        for (int i = 0; i < 16; i++) {
            windowsOrder[CANONICAL_ORDER[i]] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return windowsOrder;
    }
}
