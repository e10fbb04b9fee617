package org.keywarden.cli.imports;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * Where and as whom {@link ActiveDirectoryKeys} reads: the directory's address, the account it binds with and
 * the part of the directory it searches.
 *
 * <p>{@code ldaps://} connects with TLS; {@code ldap://} upgrades the connection with StartTLS before it binds,
 * unless plain LDAP is explicitly allowed, which is only accepted for a loopback address ({@code localhost},
 * {@code 127.0.0.0/8}, {@code ::1}). The directory's certificate must chain to one of the PEM certificates
 * given, else to the JVM's trust store, and must name the host of the URL. Holds the bind password (a
 * copy; {@link #clearPassword()} wipes it); {@link #toString()} leaves it out.
 */
public final class ActiveDirectorySource {

    /** How the connection is protected. */
    public enum Transport {
        /** TLS from the start ({@code ldaps://}). */
        LDAPS,
        /** {@code ldap://} upgraded with the StartTLS extended operation before the bind. */
        STARTTLS,
        /** {@code ldap://} without TLS: only to a loopback address, and only when explicitly allowed. */
        PLAIN
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI url;
    private final Transport transport;
    private final String bindDn;
    private final char[] bindPassword;
    private final LdapName searchBase;
    private final Path trustedCertificates;

    /**
     * @param url                 {@code ldaps://host[:port]} or {@code ldap://host[:port]}, without a DN
     * @param bindDn              the account to bind as: a DN (Active Directory also takes
     *                            {@code name@domain})
     * @param bindPassword        its password (copied; not empty: an empty password would be an
     *                            unauthenticated bind)
     * @param searchBase          the DN to search under, e.g. {@code OU=Computers,DC=corp,DC=example}
     * @param trustedCertificates a PEM file of the certificates to trust for the directory's TLS, or null for
     *                            the JVM's trust store
     * @param allowPlainLdap      whether {@code ldap://} to a loopback address may go without TLS
     * @throws IllegalArgumentException if a value is missing or malformed, or plain LDAP is asked for a host
     *                                  that is not a loopback address
     */
    public ActiveDirectorySource(String url, String bindDn, char[] bindPassword, String searchBase,
                                 Path trustedCertificates, boolean allowPlainLdap) {
        this.url = parseUrl(url);
        boolean ldaps = this.url.getScheme().equalsIgnoreCase("ldaps");
        if (allowPlainLdap && !ldaps && !isLoopback(this.url.getHost())) {
            throw new IllegalArgumentException("plain LDAP (without TLS) is only allowed to a loopback address, not to "
                    + this.url.getHost() + ": use ldaps:// or StartTLS");
        }
        this.transport = ldaps ? Transport.LDAPS : allowPlainLdap ? Transport.PLAIN : Transport.STARTTLS;
        if (bindDn == null || bindDn.isBlank()) {
            throw new IllegalArgumentException("the bind DN is missing");
        }
        this.bindDn = bindDn.trim();
        if (bindPassword == null || bindPassword.length == 0) {
            throw new IllegalArgumentException("the bind password is missing");
        }
        this.bindPassword = bindPassword.clone();
        this.searchBase = parseDn(searchBase);
        this.trustedCertificates = trustedCertificates;
    }

    /** {@code scheme://host[:port]} as JNDI's provider URL. */
    public String providerUrl() {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
    }

    /** The host of the URL, which the directory's certificate must name. */
    public String host() {
        return url.getHost();
    }

    public Transport transport() {
        return transport;
    }

    public String bindDn() {
        return bindDn;
    }

    /** A copy of the bind password. <strong>Secret.</strong> */
    public char[] bindPassword() {
        return bindPassword.clone();
    }

    /** Overwrites the kept copy of the bind password; the source cannot bind afterwards. */
    public void clearPassword() {
        Arrays.fill(bindPassword, '\0');
    }

    public LdapName searchBase() {
        return (LdapName) searchBase.clone();
    }

    /** The PEM file of certificates to trust, or null for the JVM's trust store. */
    public Path trustedCertificates() {
        return trustedCertificates;
    }

    @Override
    public String toString() {
        return "ActiveDirectorySource[url=" + providerUrl() + ", transport=" + transport + ", bindDn=" + bindDn
                + ", searchBase=" + searchBase + ", trustedCertificates=" + trustedCertificates + "]";
    }

    private static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the LDAP URL is missing");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new IllegalArgumentException("the URL must start with ldaps:// or ldap://, not " + url);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL must be ldaps://host[:port] or ldap://host[:port], not " + url);
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("give the search base separately, not in the URL " + url);
        }
        return uri;
    }

    private static LdapName parseDn(String dn) {
        if (dn == null || dn.isBlank()) {
            throw new IllegalArgumentException("the search base DN is missing");
        }
        try {
            return new LdapName(dn.trim());
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("the search base is not a DN: " + dn);
        }
    }

    /** Whether the host is {@code localhost} or a loopback IP address literal (never looked up in DNS). */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.contains(":") && !IPV4.matcher(h).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
