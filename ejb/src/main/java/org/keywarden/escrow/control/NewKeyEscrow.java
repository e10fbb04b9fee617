package org.keywarden.escrow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.SecretCodec;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.schema.control.InstallationLock;
import org.keywarden.schema.control.KeywardenDataSource;

/**
 * The common escrow, a new key (for a new volume or one stored as reported, replacing none or one of the
 * device's own keys), served without JPA: what is stored read by plain JDBC, the key sealed, and its rows and
 * audit event committed together with other devices' escrows by {@link EscrowCommits}. The answer is given
 * only once that commit is durable, and is what {@link EscrowRecoveryKey} answers for the same escrow. Any
 * other escrow (a re-send, a conflict, a foreign or unknown replaced key, a changed volume), any failure to
 * read or write here, and SQL Server are left to {@link EscrowRecoveryKey}: empty means "escrow it the full way".
 */
@ApplicationScoped
public class NewKeyEscrow {

    private static final Logger LOG = Logger.getLogger(NewKeyEscrow.class.getName());

    @Inject
    SecretCodec codec;

    @Inject
    EscrowCommits commits;

    public Optional<EscrowResult> escrow(String deviceId, EscrowCommand command, Caller caller) {
        String database = InstallationLock.database();
        if (!"h2".equals(database) && !"postgresql".equals(database)) {
            return Optional.empty();
        }
        EscrowRows rows;
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            rows = EscrowRows.read(connection, deviceId, command);
        } catch (SQLException | RuntimeException unreadable) {
            LOG.log(Level.FINE, "An escrow's rows could not be read by JDBC; it is escrowed the full way", unreadable);
            return Optional.empty();
        }
        if (!rows.plainNewKey(deviceId, command)) {
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String keyId = command.recoveryKeyId();
        SealedKey sealed = SealedKey.seal(codec.sealerHeldByCaller(), keyId, command.recoveryPassword(),
                command.keyPackage());
        boolean newVolume = rows.volumeId() == null;
        AuditRecord audit = AuditRecord.success(caller, EscrowRecoveryKey.ACTION, deviceId)
                .withKey(command.volumeGuid(), keyId)
                .withDetail(command.replaces() == null ? null : "supersedes " + command.replaces());
        EscrowWrite write = new EscrowWrite(deviceId, newVolume,
                newVolume ? UUID.randomUUID().toString() : rows.volumeId(), command.volumeGuid(), command.volumeType(),
                command.driveLetter(), keyId, sealed.password(), sealed.keyPackage(), sealed.sealedWith(),
                command.replaces(), now, audit);
        if (!commits.commit(write)) {
            return Optional.empty();
        }
        return Optional.of(new EscrowResult(EscrowResult.Outcome.STORED, keyId, KeyState.ACTIVE, now, null));
    }
}
