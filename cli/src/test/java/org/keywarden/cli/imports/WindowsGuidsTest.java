package org.keywarden.cli.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WindowsGuidsTest {
    /** {8A696888-99A7-4FAC-92C7-6CC497EA7BDF} as Windows stores it: the first three fields little-endian. */
    private static final byte[] WINDOWS_ORDER = bytes(
            0x88, 0x68, 0x69, 0x8A, 0xA7, 0x99, 0xAC, 0x4F, 0x92, 0xC7, 0x6C, 0xC4, 0x97, 0xEA, 0x7B, 0xDF);

    @Test
    void windowsBytesGiveTheCanonicalGuid() {
        assertEquals("8A696888-99A7-4FAC-92C7-6CC497EA7BDF", WindowsGuids.toCanonical(WINDOWS_ORDER));
    }

    @Test
    void canonicalGuidGivesTheWindowsBytes() {
        assertArrayEquals(WINDOWS_ORDER, WindowsGuids.toWindowsOrder("8A696888-99A7-4FAC-92C7-6CC497EA7BDF"));
        assertArrayEquals(WINDOWS_ORDER, WindowsGuids.toWindowsOrder("{8a696888-99a7-4fac-92c7-6cc497ea7bdf}"));
    }

    @Test
    void bytesAreNotSignExtendedAndZerosArePadded() {
        byte[] windowsOrder = bytes(0x00, 0xFF, 0x01, 0x80, 0x0A, 0x00, 0x00, 0xF0, 0x0F, 0x00, 0, 0, 0, 0, 0, 0x01);
        assertEquals("8001FF00-000A-F000-0F00-000000000001", WindowsGuids.toCanonical(windowsOrder));
        assertArrayEquals(windowsOrder, WindowsGuids.toWindowsOrder("8001FF00-000A-F000-0F00-000000000001"));
    }

    @Test
    void anythingButSixteenBytesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> WindowsGuids.toCanonical(null));
        assertThrows(IllegalArgumentException.class, () -> WindowsGuids.toCanonical(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> WindowsGuids.toCanonical(new byte[17]));
        assertThrows(IllegalArgumentException.class, () -> WindowsGuids.toWindowsOrder("not-a-guid"));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
