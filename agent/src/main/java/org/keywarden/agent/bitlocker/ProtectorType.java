package org.keywarden.agent.bitlocker;

/**
 * Key protector types, named as the device API reports them (the Windows
 * {@code Win32_EncryptableVolume} key protector types).
 */
public enum ProtectorType {
    TPM,
    TPM_PIN,
    TPM_STARTUP_KEY,
    TPM_PIN_STARTUP_KEY,
    EXTERNAL_KEY,
    RECOVERY_PASSWORD,
    PASSWORD,
    PUBLIC_KEY,
    /** A TPM certificate protector (Windows type 9). */
    TPM_CERTIFICATE,
    /** An Active Directory account or group protector (Windows type 10, CNG). */
    AD_ACCOUNT_OR_GROUP,
    /** A type this agent does not know (Windows type 0 or newer types). */
    UNKNOWN
}
