package org.keywarden.identity.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.identity.entity.AppUser;
import org.keywarden.platform.control.Conflict;
import org.keywarden.platform.control.Violation;

/**
 * Users and roles of the built-in store (administrators only): list, create, change roles, reset a
 * password, disable. The last enabled administrator can be neither disabled nor demoted. All audited;
 * no password or hash ever leaves this bean.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ManageUsers {

    @PersistenceContext
    EntityManager em;

    @Inject
    CreateUser createUser;

    @Inject
    PasswordHashes hashes;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    public List<UserView> list() {
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class).getResultStream()
                .map(ManageUsers::view).toList();
    }

    public Optional<UserView> find(String username) {
        return username == null ? Optional.empty() : find(username, false).map(ManageUsers::view);
    }

    public UserView create(String username, String password, List<String> roles, AuditSource source,
            String sourceAddress) {
        List<Violation> violations = new ArrayList<>();
        UserRules.checkName(username, violations);
        UserRules.checkPassword(username, password, violations);
        Set<String> known = UserRules.checkRoles(roles, violations);
        UserRules.throwIfAny(violations);
        if (find(username, false).isPresent()) {
            throw new Conflict("A user with this name exists");
        }
        createUser.create(username, password.toCharArray(), known, caller(source, sourceAddress));
        em.flush();
        return find(username, false).map(ManageUsers::view).orElseThrow();
    }

    /** Changes what is given (null: unchanged); empty when there is no such user. */
    public Optional<UserView> update(String username, List<String> roles, Boolean disabled, String password,
            AuditSource source, String sourceAddress) {
        List<Violation> violations = new ArrayList<>();
        Set<String> known = roles == null ? null : UserRules.checkRoles(roles, violations);
        if (password != null) {
            UserRules.checkPassword(username, password, violations);
        }
        UserRules.throwIfAny(violations);
        Optional<AppUser> found = find(username, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppUser user = found.get();
        if (user.isDirectoryUser() && (password != null || known != null)) {
            throw new org.keywarden.platform.control.InvalidInput(List.of(new Violation(password != null ? "password" : "roles",
                    "of a directory user come from the directory (its password, its groups) and cannot be set here")));
        }
        boolean staysAdmin = (known == null ? user.getRoles() : known).contains(Roles.ADMIN)
                && !(disabled == null ? user.isDisabled() : disabled);
        if (!staysAdmin && isEnabledAdmin(user) && otherEnabledAdministrators(user) == 0) {
            throw new Conflict("This would leave no enabled administrator");
        }
        List<String> changes = new ArrayList<>();
        if (known != null) {
            user.changeRoles(known);
            changes.add("roles " + String.join(",", known));
        }
        if (disabled != null) {
            user.changeDisabled(disabled);
            changes.add(disabled ? "disabled" : "enabled");
        }
        if (password != null) {
            user.changePasswordHash(hashes.hash(password.toCharArray()));
            changes.add("password reset");
        }
        audit.record(AuditRecord.success(caller(source, sourceAddress), "USER_CHANGED", null)
                .withDetail("user " + username + ": " + (changes.isEmpty() ? "nothing" : String.join("; ", changes))));
        return Optional.of(view(user));
    }

    private static boolean isEnabledAdmin(AppUser user) {
        return !user.isDisabled() && user.getRoles().contains(Roles.ADMIN);
    }

    /** Counted under lock, so that two administrators demoting each other at once cannot both succeed. */
    private long otherEnabledAdministrators(AppUser user) {
        return em.createQuery("SELECT u FROM AppUser u WHERE u.disabled = FALSE", AppUser.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .filter(u -> !u.getId().equals(user.getId()) && isEnabledAdmin(u)).count();
    }

    private Optional<AppUser> find(String username, boolean lock) {
        var query = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private Caller caller(AuditSource source, String sourceAddress) {
        return Caller.user(context.getCallerPrincipal().getName(), sourceAddress).via(source);
    }

    static UserView view(AppUser u) {
        return new UserView(u.getUsername(), u.getRoles().stream().sorted().toList(), u.isDisabled(), u.getSource(),
                u.getCreatedAt(), u.getLastSignInAt());
    }
}
