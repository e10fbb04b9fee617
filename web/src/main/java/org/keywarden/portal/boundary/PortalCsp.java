package org.keywarden.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeFacesContext;

/**
 * {@code #{kwCsp.nonce}}: this view's Content-Security-Policy nonce, which every Faces form posts back as
 * {@code primefaces.nonce}. PrimeFaces refuses a postback whose nonce is not the one its view was
 * rendered with, so a form forged elsewhere fails even before its view state is looked at.
 */
@Named("kwCsp")
@RequestScoped
public class PortalCsp {

    public String getNonce() {
        return PrimeFacesContext.getCspState(FacesContext.getCurrentInstance()).getNonce();
    }
}
