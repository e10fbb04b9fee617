package org.keywarden.selfservice.control;

/** What the user typed: the key ID from the recovery screen (8 to 32 hex digits, as typed), a reason and free text. */
public record OwnKeyRequest(String keyId, String reason, String reasonText) {

    /** The reason as the audit trail records it. */
    String auditReason() {
        return reason + (reasonText == null || reasonText.isBlank() ? "" : ": " + reasonText);
    }
}
