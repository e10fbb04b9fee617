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
    PUBLIC_KEY
}
