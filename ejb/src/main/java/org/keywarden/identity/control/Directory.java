package org.keywarden.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.AuthenticationException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;
import org.keywarden.config.control.KeywardenSettings;

/**
 * Signs users in against the directory: Keywarden binds with its service account, finds the one entry
 * the user filter names (the name filled in escaped), reads its groups (members of groups under
 * {@code KEYWARDEN_LDAP_GROUP_BASE}, else its {@code memberOf}), then binds as that entry with the
 * password given, so the directory itself checks the password and refuses disabled or locked accounts.
 * The user's principal is {@code DOMAIN\name} with the domain's NetBIOS name, as agents report users.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());

    @Inject
    KeywardenSettings settings;

    /** Directory checks in flight on this node at most, so that a flood of sign-ins cannot flood the directory. */
    static final int MAX_IN_FLIGHT = 16;
    static final long WAIT_MILLIS = 500;

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private Optional<DirectoryConfiguration> configuration;
    private DirectoryConnections connections;

    private String misconfigured;

    @PostConstruct
    void configure() {
        try {
            configuration = DirectoryConfiguration.of(settings);
            connections = configuration.map(DirectoryConnections::new).orElse(null);
            configuration.ifPresent(c -> LOG.info(() -> "Directory sign-in: " + c));
        } catch (RuntimeException e) {
            // a broken directory setting must not keep the built-in administrators out
            configuration = Optional.empty();
            misconfigured = e.getMessage();
            LOG.severe(() -> "Directory sign-in is off: " + misconfigured);
        }
    }

    /** Whether directory users may sign in (or would, if the settings were not broken). */
    public boolean isConfigured() {
        return configuration.isPresent() || misconfigured != null;
    }

    /**
     * {@code name}: {@code alice} or {@code CORP\alice} (another domain is no user of this directory). An
     * empty password is refused before any bind (LDAP takes it as an unauthenticated bind).
     */
    DirectoryAnswer authenticate(String name, char[] password) {
        boolean acquired;
        try {
            acquired = inFlight.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            return DirectoryAnswer.BUSY;
        }
        try {
            return check(name, password);
        } finally {
            inFlight.release();
        }
    }

    private DirectoryAnswer check(String name, char[] password) {
        if (configuration.isEmpty()) {
            return unavailable("its settings are broken: " + misconfigured);
        }
        DirectoryConfiguration c = configuration.get();
        Optional<String> account = accountName(name, c.domain());
        if (account.isEmpty() || password.length == 0) {
            return DirectoryAnswer.INVALID;
        }
        LdapContext service = null;
        try {
            service = connections.bound(c.bindDn(), c.bindPassword());
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setReturningAttributes(new String[] {c.nameAttribute(), c.upnAttribute(), "memberOf"});
            controls.setCountLimit(2);
            controls.setTimeLimit((int) c.timeout().toMillis());
            List<SearchResult> found = list(service.search(c.userBase(), c.userFilter(), new Object[] {account.get()}, controls));
            if (found.size() != 1) {
                return DirectoryAnswer.INVALID;
            }
            SearchResult entry = found.get(0);
            String dn = entry.getNameInNamespace();
            Set<String> groups = groups(service, c, dn, entry.getAttributes());
            String accountName = text(entry.getAttributes(), c.nameAttribute()).orElse(account.get());
            String upn = text(entry.getAttributes(), c.upnAttribute()).orElse(null);
            service.close();
            service = null;
            connections.bound(dn, password).close();
            return new DirectoryAnswer(DirectoryAnswer.Outcome.AUTHENTICATED,
                    new DirectoryUser(c.domain() + "\\" + accountName, upn, groups));
        } catch (AuthenticationException wrong) {
            return service == null ? DirectoryAnswer.INVALID : unavailable("the service account's bind was refused");
        } catch (javax.naming.SizeLimitExceededException ambiguous) {
            return DirectoryAnswer.INVALID;
        } catch (NamingException | RuntimeException e) {
            return unavailable(e.getClass().getSimpleName());
        } finally {
            close(service);
        }
    }

    /** The roles the user's groups map to ({@code KEYWARDEN_LDAP_ROLE_GROUPS}). */
    Set<String> rolesOf(DirectoryUser user) {
        Set<String> roles = new HashSet<>();
        configuration.orElseThrow().roleGroups().forEach((role, groups) -> {
            if (groups.stream().anyMatch(user.groups()::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }

    static Optional<String> accountName(String name, String domain) {
        int slash = name.indexOf('\\');
        String account = slash < 0 ? name : name.substring(slash + 1);
        if (slash >= 0 && !name.substring(0, slash).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        return account.isBlank() || account.length() > 256 || account.indexOf('\\') >= 0 ? Optional.empty()
                : Optional.of(account);
    }

    private static Set<String> groups(LdapContext service, DirectoryConfiguration c, String dn, Attributes attributes)
            throws NamingException {
        Set<String> groups = new HashSet<>();
        if (c.groupBase().isPresent()) {
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setReturningAttributes(new String[0]);
            controls.setCountLimit(1000);
            for (SearchResult group : list(service.search(c.groupBase().get(), "(|(member={0})(uniqueMember={0}))",
                    new Object[] {dn}, controls))) {
                groups.add(DirectoryNames.normalized(group.getNameInNamespace()));
            }
        } else {
            Attribute memberOf = attributes.get("memberOf");
            for (int i = 0; memberOf != null && i < memberOf.size(); i++) {
                groups.add(DirectoryNames.normalized(String.valueOf(memberOf.get(i))));
            }
        }
        return groups;
    }

    private static List<SearchResult> list(NamingEnumeration<SearchResult> results) throws NamingException {
        List<SearchResult> list = new java.util.ArrayList<>();
        try {
            while (results.hasMore()) {
                list.add(results.next());
            }
        } finally {
            results.close();
        }
        return list;
    }

    private static Optional<String> text(Attributes attributes, String name) throws NamingException {
        Attribute attribute = attributes.get(name);
        return attribute == null || attribute.size() == 0 ? Optional.empty() : Optional.of(String.valueOf(attribute.get()));
    }

    private static DirectoryAnswer unavailable(String why) {
        LOG.warning(() -> "Directory sign-in failed: the directory cannot be used (" + why + ")");
        return DirectoryAnswer.UNAVAILABLE;
    }

    private static void close(LdapContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // closing a connection that failed
            }
        }
    }
}
