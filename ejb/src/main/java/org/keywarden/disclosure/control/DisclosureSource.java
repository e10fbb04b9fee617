package org.keywarden.disclosure.control;

/** Through which door a key was asked for, as the audit trail records it. */
public enum DisclosureSource {
    HELPDESK_PORTAL,
    API
}
