package org.keywarden.metrics.control;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The database connection pool of this node as the application server reports it: connections in use,
 * idle and the pool's maximum, and how many requests had to wait for one. Read from WildFly's management
 * model over the platform MBean server (the datasource {@code KeywardenDS} of {@code server-config/}, with
 * its statistics enabled); on a server that does not expose it (Payara) there is nothing to report.
 */
final class DatabasePoolUse {

    private static final Logger LOG = Logger.getLogger(DatabasePoolUse.class.getName());
    private static final String DATASOURCE = "jboss.as:subsystem=datasources,data-source=KeywardenDS";
    private static volatile boolean unavailableLogged;

    record Reading(long inUse, long idle, long max, long waits) {
    }

    private DatabasePoolUse() {
    }

    static Optional<Reading> read() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName datasource = new ObjectName(DATASOURCE);
            ObjectName pool = new ObjectName(DATASOURCE + ",statistics=pool");
            if (!server.isRegistered(datasource) || !server.isRegistered(pool)) {
                return unavailable("the server exposes no pool statistics for KeywardenDS");
            }
            long created = number(server.getAttribute(pool, "ActiveCount"));
            long inUse = number(server.getAttribute(pool, "InUseCount"));
            return Optional.of(new Reading(inUse, Math.max(0, created - inUse),
                    number(server.getAttribute(datasource, "maxPoolSize")), number(server.getAttribute(pool, "WaitCount"))));
        } catch (JMException | RuntimeException e) {
            return unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static Optional<Reading> unavailable(String why) {
        if (!unavailableLogged) {
            unavailableLogged = true;
            LOG.log(Level.INFO, "Database pool metrics are not available on this server: {0}", why);
        }
        return Optional.empty();
    }
}
