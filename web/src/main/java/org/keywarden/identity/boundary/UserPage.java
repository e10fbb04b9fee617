package org.keywarden.identity.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.identity.control.ManageUsers;
import org.keywarden.identity.control.UserView;
import org.keywarden.platform.control.Conflict;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;
import org.keywarden.portal.boundary.PortalMessages;

/**
 * {@code /admin/user?name=} (administrators): change a user's roles, disable or enable them, reset the
 * password. The last enabled administrator cannot be disabled or demoted ({@link ManageUsers}).
 */
@Named
@ViewScoped
public class UserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ManageUsers users;

    private String name;
    private UserView user;
    private List<String> roles = new ArrayList<>();
    private boolean disabled;
    private String password;

    public void load() {
        user = users.find(name).orElse(null);
        if (user != null) {
            roles = new ArrayList<>(user.roles());
            disabled = user.disabled();
        }
    }

    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (user == null) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        try {
            users.update(user.username(), roles, disabled, password == null || password.isEmpty() ? null : password,
                    AuditSource.HELPDESK_PORTAL, ClientAddress.of((HttpServletRequest) external.getRequest()));
            external.redirect(external.getRequestContextPath() + "/admin/users?changed="
                    + URLEncoder.encode(user.username(), StandardCharsets.UTF_8));
        } catch (InvalidInput invalid) {
            for (Violation violation : invalid.violations()) {
                PortalMessages.error(faces, "user:" + violation.field(), "users.invalid." + violation.field());
            }
        } catch (Conflict lastAdministrator) {
            PortalMessages.error(faces, null, "users.lastAdmin");
        } finally {
            password = null;
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public UserView getUser() { return user; }
    public List<String> getAllRoles() { return UsersPage.ROLES; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public boolean isDisabled() { return disabled; }
    public void setDisabled(boolean disabled) { this.disabled = disabled; }
    public String getPassword() { return null; }
    public void setPassword(String password) { this.password = password; }
}
