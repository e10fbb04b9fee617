package org.keywarden.identity.control;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keywarden.config.control.KeywardenSettings;

/**
 * How Keywarden reaches the directory (Active Directory or another LDAP server), from the
 * {@code KEYWARDEN_LDAP_*} settings; none when {@code KEYWARDEN_LDAP_URL} is not set. The connection is
 * TLS unless {@code KEYWARDEN_LDAP_TLS=none} says otherwise explicitly: LDAPS for an {@code ldaps://}
 * URL, StartTLS for {@code ldap://}. {@code roleGroups}: role to group DNs (lower case), from
 * {@code KEYWARDEN_LDAP_ROLE_GROUPS=HELPDESK=cn=Keywarden Helpdesk,ou=groups,dc=corp,dc=example;ADMIN=...}.
 */
public record DirectoryConfiguration(URI url, Tls tls, Optional<Path> trustCertificate, String bindDn,
                                     char[] bindPassword, String userBase, String userFilter, Optional<String> groupBase,
                                     String domain, Map<String, Set<String>> roleGroups, String nameAttribute,
                                     String upnAttribute, Duration timeout) {

    /** How the connection is protected. */
    public enum Tls { LDAPS, STARTTLS, NONE }

    static final String AD_USER_FILTER = "(&(objectClass=user)(sAMAccountName={0}))";

    public static Optional<DirectoryConfiguration> of(KeywardenSettings settings) {
        Optional<String> url = settings.ldap("url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.get());
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new IllegalStateException("KEYWARDEN_LDAP_URL must be ldap://host[:port] or ldaps://host[:port]");
        }
        Tls tls = settings.ldap("tls").map(t -> Tls.valueOf(t.toUpperCase(Locale.ROOT)))
                .orElse(scheme.equals("ldaps") ? Tls.LDAPS : Tls.STARTTLS);
        if ((tls == Tls.LDAPS) != scheme.equals("ldaps")) {
            throw new IllegalStateException("KEYWARDEN_LDAP_TLS=" + tls + " does not fit " + scheme + "://");
        }
        return Optional.of(new DirectoryConfiguration(uri, tls, settings.ldap("trust.certificate").map(Path::of),
                required(settings, "bind.dn"), required(settings, "bind.password").toCharArray(),
                required(settings, "user.base"), settings.ldap("user.filter").orElse(AD_USER_FILTER),
                settings.ldap("group.base"), required(settings, "domain").toUpperCase(Locale.ROOT),
                roleGroups(settings.ldap("role.groups").orElse("")),
                settings.ldap("name.attribute").orElse("sAMAccountName"),
                settings.ldap("upn.attribute").orElse("userPrincipalName"),
                Duration.ofMillis(settings.ldap("timeout.millis").map(Long::parseLong).orElse(5_000L))));
    }

    private static String required(KeywardenSettings settings, String name) {
        return settings.ldap(name).orElseThrow(() -> new IllegalStateException("KEYWARDEN_LDAP_"
                + name.replace('.', '_').toUpperCase(Locale.ROOT) + " is required with KEYWARDEN_LDAP_URL"));
    }

    /** {@code ROLE=group DN;ROLE=group DN}: a role may be named more than once. */
    static Map<String, Set<String>> roleGroups(String text) {
        Map<String, Set<String>> roles = new HashMap<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String role = equals < 0 ? "" : pair.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("KEYWARDEN_LDAP_ROLE_GROUPS: each entry is ROLE=group DN, with a role of "
                        + Roles.ALL);
            }
            roles.computeIfAbsent(role, r -> new java.util.HashSet<>())
                    .add(DirectoryNames.normalized(pair.substring(equals + 1).strip()));
        }
        return roles;
    }

    @Override
    public String toString() {
        return "DirectoryConfiguration[" + url + ", " + tls + ", bind " + bindDn + "]";
    }
}
