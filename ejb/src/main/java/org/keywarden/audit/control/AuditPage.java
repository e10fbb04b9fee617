package org.keywarden.audit.control;

import java.util.List;

/** One page of audit events, newest first, and the cursor of the next page (null: this is the last). */
public record AuditPage(List<AuditEventView> events, String next) {
}
