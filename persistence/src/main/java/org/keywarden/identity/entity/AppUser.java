package org.keywarden.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A user of the portals and the admin API. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = AppUser.BY_USERNAME, query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = AppUser.COUNT, query = "SELECT COUNT(u) FROM AppUser u")
@NamedQuery(name = AppUser.SIGNED_IN, query = "UPDATE AppUser u SET u.lastSignInAt = :at WHERE u.username = :username")
public class AppUser {

    public static final String BY_USERNAME = "AppUser.byUsername";
    public static final String COUNT = "AppUser.count";
    public static final String SIGNED_IN = "AppUser.signedIn";

    @Id
    @Column(name = "user_id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, length = 256, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "roles", nullable = false, length = 512)
    private String roles;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** BUILT_IN (a password Keywarden checks) or DIRECTORY (signed in through LDAP; the hash matches no password). */
    @Column(name = "source", nullable = false, length = 16)
    private String source = BUILT_IN;

    /** A directory user's user principal name (alice@corp.example), which agents may report instead of DOMAIN\\name. */
    @Column(name = "user_principal_name", length = 256)
    private String userPrincipalName;

    public static final String BUILT_IN = "BUILT_IN";
    public static final String DIRECTORY = "DIRECTORY";
    /** The password hash of a directory user: no PBKDF2 hash, so no password ever matches it here. */
    public static final String NO_PASSWORD = "!directory";

    protected AppUser() {
    }

    public AppUser(String id, String username, String passwordHash, Set<String> roles, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles);
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isDisabled() { return disabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public String getSource() { return source; }
    public String getUserPrincipalName() { return userPrincipalName; }

    public boolean isDirectoryUser() {
        return DIRECTORY.equals(source);
    }

    /** A user the directory vouched for, as of its latest sign-in. */
    public static AppUser fromDirectory(String id, String username, String userPrincipalName, Set<String> roles,
            Instant at) {
        AppUser user = new AppUser(id, username, NO_PASSWORD, roles, at);
        user.source = DIRECTORY;
        user.userPrincipalName = userPrincipalName;
        return user;
    }

    /** What the directory says at this sign-in: its groups' roles and the user principal name. */
    public void refreshFromDirectory(Set<String> newRoles, String newUserPrincipalName) {
        this.roles = String.join(",", newRoles);
        this.userPrincipalName = newUserPrincipalName;
    }

    public void changeRoles(Set<String> newRoles) {
        this.roles = String.join(",", newRoles);
    }

    public void changeDisabled(boolean isDisabled) {
        this.disabled = isDisabled;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public Set<String> getRoles() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return "AppUser[" + username + "]";
    }
}
