package org.keywarden.identity.control;

/** The roles of Keywarden (DESIGN.md); every signed-in user may also use self-service. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String HELPDESK = "HELPDESK";
    public static final String ADVANCED_HELPDESK = "ADVANCED_HELPDESK";
    public static final String REPORT_VIEWER = "REPORT_VIEWER";

    /** Every role there is. */
    public static final java.util.Set<String> ALL = java.util.Set.of(ADMIN, HELPDESK, ADVANCED_HELPDESK, REPORT_VIEWER);

    private Roles() {
    }
}
