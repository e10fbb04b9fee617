package org.keywarden.schema.control;

import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Finds the server-defined datasource: WildFly binds it as {@code java:/jdbc/keywarden}, Payara as
 * {@code jdbc/keywarden} (the persistence unit names it {@code jdbc/keywarden}, which both resolve).
 */
public final class KeywardenDataSource {

    static final List<String> NAMES = List.of("java:/jdbc/keywarden", "jdbc/keywarden");

    /** Found once per deployment: the device requests that read by plain JDBC ask for it on every call. */
    private static volatile DataSource found;

    private KeywardenDataSource() {
    }

    public static DataSource lookup() {
        DataSource known = found;
        if (known != null) {
            return known;
        }
        NamingException last = null;
        for (String name : NAMES) {
            try {
                known = (DataSource) new InitialContext().lookup(name);
                found = known;
                return known;
            } catch (NamingException e) {
                last = e;
            }
        }
        throw new IllegalStateException("No datasource bound as any of " + NAMES
                + "; apply the server configuration in server-config/ first", last);
    }
}
