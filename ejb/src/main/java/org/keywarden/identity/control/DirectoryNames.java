package org.keywarden.identity.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Distinguished names compared as LDAP compares them: without case, and without the spacing around separators. */
final class DirectoryNames {

    private DirectoryNames() {
    }

    static String normalized(String dn) {
        try {
            List<String> parts = new ArrayList<>();
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                parts.add(rdn.getType().toLowerCase(Locale.ROOT) + "="
                        + Rdn.escapeValue(rdn.getValue()).toLowerCase(Locale.ROOT));
            }
            Collections.reverse(parts);
            return String.join(",", parts);
        } catch (InvalidNameException e) {
            throw new IllegalStateException("not a distinguished name: " + dn);
        }
    }
}
