package org.keywarden.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.identity.control.SignInOutcome;
import org.keywarden.portal.boundary.PortalMessages;

/**
 * The sign-in page: hands the user name and password to {@link KeywardenAuthentication} (through
 * Jakarta Security), then goes on to the page that was asked for. The answer for an unknown user and a
 * wrong password is the same. The password is never kept beyond this request.
 */
@Named
@RequestScoped
public class SignInForm {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    LiveSettings settings;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            PortalMessages.error(faces, null, "signin.required");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(request.getContextPath() + Landing.safe(next));
            return;
        }
        Object outcome = request.getAttribute(PortalSession.OUTCOME);
        if (outcome == SignInOutcome.LOCKED) {
            PortalMessages.error(faces, null, "signin.locked", settings.current().signInLockout().policy().lockFor().toMinutes());
        } else {
            PortalMessages.error(faces, null, outcome == SignInOutcome.BUSY ? "signin.busy"
                    : outcome == SignInOutcome.DIRECTORY_UNAVAILABLE ? "signin.directoryUnavailable" : "signin.invalid");
        }
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return null; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
