package org.keywarden.cli.imports;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NoPermissionException;
import javax.naming.PartialResultException;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.PagedResultsControl;
import javax.naming.ldap.PagedResultsResponseControl;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;

/**
 * A connection to the directory, bound as the source's account over LDAPS, StartTLS or (loopback only) plain
 * LDAP, that runs paged subtree searches and reads single entries.
 */
final class ActiveDirectoryConnection implements AutoCloseable {

    /** Entries per page of a search (Active Directory's default MaxPageSize is 1000). */
    static final int PAGE_SIZE = 500;
    private static final String CONNECT_TIMEOUT_MILLIS = "15000";
    private static final String READ_TIMEOUT_MILLIS = "120000";

    /** What a search does with each entry it finds. */
    @FunctionalInterface
    interface EachEntry {
        void accept(SearchResult entry) throws NamingException;
    }

    private final LdapContext context;
    private final char[] credentials;
    private final String where;

    private ActiveDirectoryConnection(LdapContext context, char[] credentials, String where) {
        this.context = context;
        this.credentials = credentials;
        this.where = where;
    }

    /**
     * Connects and binds.
     *
     * @param binaryAttributes the attributes whose values JNDI must return as bytes
     * @throws ActiveDirectoryException if the connection, TLS or the bind fails (the message holds no secret)
     */
    static ActiveDirectoryConnection open(ActiveDirectorySource source, String... binaryAttributes)
            throws ActiveDirectoryException {
        String where = source.providerUrl() + " (" + source.transport() + ")";
        DirectoryTlsSockets sockets = null;
        if (source.transport() != ActiveDirectorySource.Transport.PLAIN) {
            try {
                sockets = DirectoryTlsSockets.trusting(source.trustedCertificates());
            } catch (IOException e) {
                throw new ActiveDirectoryException("cannot set up TLS to " + where + ": " + e.getMessage(), e);
            }
        }
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, source.providerUrl());
        env.put(Context.REFERRAL, "ignore");
        env.put("java.naming.ldap.version", "3");
        env.put("java.naming.ldap.attributes.binary", String.join(" ", binaryAttributes));
        env.put("com.sun.jndi.ldap.connect.timeout", CONNECT_TIMEOUT_MILLIS);
        env.put("com.sun.jndi.ldap.read.timeout", READ_TIMEOUT_MILLIS);
        char[] credentials = source.bindPassword();
        LdapContext context = null;
        try {
            switch (source.transport()) {
                case LDAPS -> {
                    env.put("java.naming.ldap.factory.socket", DirectoryTlsSockets.class.getName());
                    putBind(env, source.bindDn(), credentials);
                    context = sockets.whileConnecting(() -> new InitialLdapContext(env, null));
                }
                case PLAIN -> {
                    putBind(env, source.bindDn(), credentials);
                    context = new InitialLdapContext(env, null);
                }
                case STARTTLS -> {
                    env.put(Context.SECURITY_AUTHENTICATION, "none");
                    context = new InitialLdapContext(env, null);
                    StartTlsResponse tls = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
                    tls.negotiate(sockets); // checks that the certificate names the host
                    context.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
                    context.addToEnvironment(Context.SECURITY_PRINCIPAL, source.bindDn());
                    context.addToEnvironment(Context.SECURITY_CREDENTIALS, credentials);
                    context.reconnect(null); // binds on the TLS-protected connection
                }
                default -> throw new IllegalStateException("unknown transport " + source.transport());
            }
            return new ActiveDirectoryConnection(context, credentials, where);
        } catch (Exception e) {
            closeQuietly(context);
            Arrays.fill(credentials, '\0');
            if (e instanceof AuthenticationException) {
                throw new ActiveDirectoryException("the directory " + where + " rejected the bind as " + source.bindDn()
                        + " (wrong DN or password, or the account is locked or disabled): " + detail(e), e);
            }
            throw new ActiveDirectoryException("cannot connect to " + where + " and bind as " + source.bindDn() + ": "
                    + detail(e), e);
        }
    }

    private static void putBind(Hashtable<String, Object> env, String bindDn, char[] credentials) {
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, bindDn);
        env.put(Context.SECURITY_CREDENTIALS, credentials);
    }

    /**
     * Runs a subtree search under {@code base} page by page ({@value #PAGE_SIZE} entries each), handing every
     * entry to {@code each}. Continuation references to other partitions (Active Directory's domain root) are
     * left out.
     */
    void search(LdapName base, String filter, String[] attributes, EachEntry each) throws ActiveDirectoryException {
        SearchControls controls = new SearchControls(SearchControls.SUBTREE_SCOPE, 0, 0, attributes, false, false);
        byte[] cookie = null;
        try {
            do {
                context.setRequestControls(new Control[] {new PagedResultsControl(PAGE_SIZE, cookie, Control.CRITICAL)});
                NamingEnumeration<SearchResult> results = context.search(base, filter, controls);
                try {
                    while (results.hasMore()) {
                        each.accept(results.next());
                    }
                } catch (PartialResultException referencesLeftOut) {
                    // Context.REFERRAL is "ignore": the entries of this partition have all been read
                } finally {
                    results.close();
                }
                cookie = nextPage(context.getResponseControls());
            } while (cookie != null && cookie.length > 0);
        } catch (NamingException | IOException e) {
            throw new ActiveDirectoryException("searching " + where + " under " + base + " for " + filter + " failed: "
                    + detail(e), e);
        } finally {
            try {
                context.setRequestControls(null);
            } catch (NamingException ignored) {
                // the next search sets its own controls
            }
        }
    }

    /** The attributes of one entry, or null if it does not exist or may not be read. */
    Attributes read(LdapName dn, String[] attributes) throws ActiveDirectoryException {
        try {
            return context.getAttributes(dn, attributes);
        } catch (NameNotFoundException | NoPermissionException e) {
            return null;
        } catch (NamingException e) {
            throw new ActiveDirectoryException("reading " + dn + " from " + where + " failed: " + detail(e), e);
        }
    }

    private static byte[] nextPage(Control[] responseControls) {
        if (responseControls != null) {
            for (Control control : responseControls) {
                if (control instanceof PagedResultsResponseControl paged) {
                    return paged.getCookie();
                }
            }
        }
        return null;
    }

    /** What went wrong, from the directory's answer or the network or TLS failure underneath; no secret. */
    private static String detail(Exception e) {
        Throwable cause = e instanceof NamingException naming && naming.getRootCause() != null
                ? naming.getRootCause() : e.getCause();
        String explanation = e instanceof NamingException naming ? naming.getExplanation() : e.getMessage();
        StringBuilder detail = new StringBuilder(explanation != null ? explanation : e.getClass().getSimpleName());
        if (cause != null && cause != e) {
            detail.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                detail.append(": ").append(cause.getMessage());
            }
            detail.append(')');
        }
        return detail.toString();
    }

    private static void closeQuietly(LdapContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing more to do
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(context);
        Arrays.fill(credentials, '\0');
    }
}
