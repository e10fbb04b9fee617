package org.keywarden.disclosure.control;

import org.keywarden.audit.entity.AuditSource;

/**
 * A request to see one recovery key, as the caller gave it: {@link DisclosureRules} decides whether it
 * is valid and allowed. {@code recoveryKeyId} is a GUID as stored (upper case, no braces) or null when
 * what the caller gave was no GUID.
 */
public record DisclosureRequest(String recoveryKeyId, String reason, String reasonText, String endUser,
                                boolean includeKeyPackage, AuditSource source) {

    /** The reason as the audit trail records it. */
    String auditReason() {
        return reason + (reasonText == null || reasonText.isBlank() ? "" : ": " + reasonText);
    }
}
