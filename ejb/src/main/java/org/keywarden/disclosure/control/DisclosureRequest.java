package org.keywarden.disclosure.control;

/** A validated request to see one recovery key. */
public record DisclosureRequest(String recoveryKeyId, DriveUnlockReason reason, String reasonText, String endUser,
                                boolean includeKeyPackage) {

    /** The reason as the audit trail records it. */
    public String auditReason() {
        return reason + (reasonText == null || reasonText.isBlank() ? "" : ": " + reasonText);
    }
}
