package org.keywarden.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.identity.boundary.PortalSession;
import org.keywarden.identity.control.Roles;

/** The signed-in user as the layout shows them: name, which parts of the portal they may open, the idle timer. */
@Named
@RequestScoped
public class PortalUser {

    @Inject
    FacesContext faces;

    @Inject
    LiveSettings settings;

    private ExternalContext external() {
        return faces.getExternalContext();
    }

    public boolean isSignedIn() {
        return external().getUserPrincipal() != null;
    }

    public String getName() {
        return isSignedIn() ? external().getUserPrincipal().getName() : null;
    }

    public boolean isHelpdesk() {
        return external().isUserInRole(Roles.HELPDESK) || isAdvancedHelpdesk();
    }

    public boolean isAdvancedHelpdesk() {
        return external().isUserInRole(Roles.ADVANCED_HELPDESK) || isAdmin();
    }

    public boolean isReportViewer() {
        return external().isUserInRole(Roles.REPORT_VIEWER) || isAdmin();
    }

    public boolean isAdmin() {
        return external().isUserInRole(Roles.ADMIN);
    }

    /**
     * Seconds of inactivity after which the session ends (its own, given at sign-in, as the server counts
     * it; the current setting before sign-in); the page warns 60 seconds before.
     */
    public long getIdleSeconds() {
        Object session = external().getSession(false);
        return session instanceof jakarta.servlet.http.HttpSession http && isSignedIn()
                ? PortalSession.idleSecondsOf(http) : Math.max(1, settings.current().sessionIdle().toSeconds());
    }

    /** The start page for this user's roles. */
    public String home() {
        return isHelpdesk() ? "/helpdesk/" : isReportViewer() ? "/reports/audit" : "/selfservice/";
    }
}
