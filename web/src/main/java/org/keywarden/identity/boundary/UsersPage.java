package org.keywarden.identity.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.annotation.PostConstruct;
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
 * {@code /admin/users} (administrators): every user with roles, state and last sign-in, and a form to
 * create one. The rules are {@link ManageUsers}'s; the password never returns to the page.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> ROLES = List.of("HELPDESK", "ADVANCED_HELPDESK", "REPORT_VIEWER", "ADMIN");

    @Inject
    ManageUsers users;

    private List<UserView> list = List.of();
    private String username;
    private String password;
    private List<String> roles = new ArrayList<>();

    @PostConstruct
    void load() {
        list = users.list();
    }

    public void create() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            UserView created = users.create(username == null ? null : username.strip(), password, roles,
                    AuditSource.HELPDESK_PORTAL, ClientAddress.of((HttpServletRequest) external.getRequest()));
            external.redirect(external.getRequestContextPath() + "/admin/users?created="
                    + URLEncoder.encode(created.username(), StandardCharsets.UTF_8));
        } catch (InvalidInput invalid) {
            for (Violation violation : invalid.violations()) {
                PortalMessages.error(faces, "create:" + violation.field(), "users.invalid." + violation.field());
            }
        } catch (Conflict taken) {
            PortalMessages.error(faces, "create:username", "users.taken");
        } finally {
            password = null;
        }
    }

    public List<UserView> getUsers() { return list; }
    public List<String> getAllRoles() { return ROLES; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return null; }
    public void setPassword(String password) { this.password = password; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
}
