package org.keywarden.checkin.control;

/** A key protector of a volume, as the device lists it (id normalized, type as Windows names it). */
public record ProtectorReport(String id, String type) {

    public static final String RECOVERY_PASSWORD = "RECOVERY_PASSWORD";

    public boolean isRecoveryPassword() {
        return RECOVERY_PASSWORD.equals(type);
    }
}
