package org.keywarden.backup.control;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds: its directory on the server, whether the database is in it (the embedded H2) or
 * must be dumped by its own tools, the recovery keys it covers and the files written. Never a secret.
 */
public record BackupReport(String directory, Instant createdAt, boolean databaseIncluded, String database,
        long recoveryKeys, List<String> certificatesNeeded, List<String> files) {
}
