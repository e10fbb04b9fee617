package org.keywarden.audit.entity;

/** Through which door an audited request came. */
public enum AuditSource {
    AGENT,
    HELPDESK_PORTAL,
    SELF_SERVICE,
    API,
    SYSTEM
}
