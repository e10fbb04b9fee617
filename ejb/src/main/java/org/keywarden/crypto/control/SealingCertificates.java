package org.keywarden.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.keywarden.schema.control.InstallationLock;

/**
 * Keeps a certificate from being retired under a value being sealed to it. Every transaction that seals
 * holds a shared database lock and checks that its certificate is still registered; a retirement holds the
 * same lock exclusively while it counts the records that need the certificate and unregisters it. So a node
 * whose keystore is older than another's (it still seals to a certificate the other retires) either has its
 * record counted, which stops the retirement, or is refused: it never writes a record no keystore opens.
 * H2 is embedded, one node: nothing to hold.
 */
@ApplicationScoped
public class SealingCertificates {

    private static final long LOCK = 727100402L;

    @PersistenceContext
    EntityManager em;

    /** In the caller's transaction: the shared hold, and whether {@code fingerprint} is still registered. */
    public void hold(String fingerprint) {
        String sharedHold = sharedHold(vendor());
        if (sharedHold == null) {
            return;
        }
        em.createNativeQuery(sharedHold).getResultList();
        Number registered = (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM encryption_certificate WHERE fingerprint = ?1")
                .setParameter(1, fingerprint).getSingleResult();
        if (registered.longValue() == 0) {
            throw new SealingCertificateRetired(fingerprint);
        }
    }

    /**
     * As {@link #hold(String)}, in the plain JDBC transaction of {@code connection} (auto-commit off), for a
     * value sealed by {@link SecretCodec#sealerHeldByCaller()}. Plain values ({@value SecretCodec#PLAIN}) need none.
     */
    public static void hold(Connection connection, String fingerprint) throws SQLException {
        String sharedHold = sharedHold(vendor());
        if (SecretCodec.PLAIN.equals(fingerprint) || sharedHold == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sharedHold);
        }
        try (PreparedStatement registered = connection.prepareStatement(
                "SELECT COUNT(*) FROM encryption_certificate WHERE fingerprint = ?")) {
            registered.setString(1, fingerprint);
            try (ResultSet count = registered.executeQuery()) {
                if (!count.next() || count.getLong(1) == 0) {
                    throw new SealingCertificateRetired(fingerprint);
                }
            }
        }
    }

    /** The statement that takes the shared hold on {@code vendor}, or null where there is nothing to hold (H2). */
    private static String sharedHold(String vendor) {
        return switch (vendor) {
            case "postgresql" -> "SELECT pg_advisory_xact_lock_shared(" + LOCK + ")";
            case "sqlserver" -> "DECLARE @r INT; EXEC @r = sp_getapplock @Resource = 'keywarden-certificates', "
                    + "@LockMode = 'Shared', @LockOwner = 'Transaction', @LockTimeout = 30000; SELECT @r";
            default -> null;
        };
    }

    /** In the caller's transaction: the exclusive hold of a retirement, until it commits. */
    public void holdExclusively() {
        switch (vendor()) {
            case "postgresql" -> em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getResultList();
            case "sqlserver" -> em.createNativeQuery("DECLARE @r INT; EXEC @r = sp_getapplock @Resource = "
                    + "'keywarden-certificates', @LockMode = 'Exclusive', @LockOwner = 'Transaction', "
                    + "@LockTimeout = 30000; SELECT @r").getResultList();
            default -> {
            }
        }
    }

    private static String vendor() {
        return InstallationLock.database(); // known since the start-up checks
    }
}
