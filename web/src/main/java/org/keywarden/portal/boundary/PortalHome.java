package org.keywarden.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The root URL: the sign-in page, or the start page of the signed-in user's roles. */
@Named
@RequestScoped
public class PortalHome {

    @Inject
    FacesContext faces;

    @Inject
    PortalUser user;

    public void go() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + (user.isSignedIn() ? user.home() : "/signin"));
    }
}
