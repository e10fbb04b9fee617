package org.keywarden.agent.windows;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clear messages for the status codes of {@code Win32_EncryptableVolume} and {@code Win32_Tpm} methods
 * (FVE_E_* and common HRESULTs). A code arrives as uint32, or through COM as a negative int32.
 */
final class WmiReturnCodes {
    static final long LOCKED_VOLUME = 0x80310000L;
    static final long NOT_ACTIVATED = 0x80310008L;
    static final long KEY_REQUIRED = 0x8031001DL;
    private static final Pattern HRESULT = Pattern.compile("0x(8[0-9A-Fa-f]{7})");
    private static final Map<Long, String> MESSAGES = Map.ofEntries(
            Map.entry(LOCKED_VOLUME, "FVE_E_LOCKED_VOLUME: the volume is locked; unlock it first"),
            Map.entry(NOT_ACTIVATED, "FVE_E_NOT_ACTIVATED: BitLocker is not turned on for the volume"),
            Map.entry(KEY_REQUIRED, "FVE_E_KEY_REQUIRED: it is the volume's last key protector"),
            Map.entry(0x8031001FL, "FVE_E_VOLUME_BOUND_ALREADY: the protector unlocks the volume automatically"
                    + " (auto-unlock); turn auto-unlock off first"),
            Map.entry(0x80310033L, "FVE_E_PROTECTOR_NOT_FOUND: the volume has no such key protector"),
            Map.entry(0x8031003AL, "FVE_E_INVALID_PROTECTOR_TYPE: the key protector is of another type"),
            Map.entry(0x80310035L, "FVE_E_INVALID_PASSWORD_FORMAT: the recovery password is not 48 digits"),
            Map.entry(0x80310001L, "FVE_E_NOT_ENCRYPTED: the volume is not encrypted"),
            Map.entry(0x80070057L, "E_INVALIDARG: an argument is invalid"),
            Map.entry(0x80070005L, "E_ACCESSDENIED: access denied; the agent must run as SYSTEM or an administrator"),
            Map.entry(0x80041003L, "WBEM_E_ACCESS_DENIED: access denied; the agent must run as SYSTEM or an administrator"),
            Map.entry(0x8004100EL, "WBEM_E_INVALID_NAMESPACE: BitLocker's WMI provider is missing"
                    + " (is BitLocker installed on this edition of Windows?)"),
            Map.entry(0x80041010L, "WBEM_E_INVALID_CLASS: the WMI class is missing on this machine"),
            Map.entry(0x80284001L, "TBS_E_INTERNAL_ERROR: the TPM base services failed"));

    private WmiReturnCodes() {
    }

    /** The code as an unsigned 32-bit value. */
    static long unsigned(long code) {
        return code & 0xFFFFFFFFL;
    }

    /** {@code 0x8031001D (FVE_E_KEY_REQUIRED: ...)}, or the bare hex for a code without a message. */
    static String describe(long code) {
        long c = unsigned(code);
        String hex = String.format(Locale.ROOT, "0x%08X", c);
        String message = MESSAGES.get(c);
        return message == null ? hex : hex + " (" + message + ")";
    }

    /** The first HRESULT-shaped code in a text (an error message PowerShell printed), if any. */
    static Optional<Long> findIn(String text) {
        Matcher m = HRESULT.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1), 16)) : Optional.empty();
    }
}
