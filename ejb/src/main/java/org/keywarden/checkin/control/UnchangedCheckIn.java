package org.keywarden.checkin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.device.entity.DeviceUser;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.KeySummary;
import org.keywarden.escrow.entity.Volume;
import org.keywarden.schema.control.KeywardenDataSource;

/**
 * The common check-in, a report that says what the stored status already says, served without JPA: its
 * rows read by plain JDBC, and its one write (the check-in times) committed together with other devices'
 * check-ins by {@link CheckInCommits}. The answer is given only once that commit is durable. Any report
 * that would change more (a new status, volume, user or OS version, a removed protector, a late or
 * first report of a migrated device, an escrow gap) is left to {@link CheckIn}, as is any failure to read
 * or write here: empty means "record it the full way".
 */
@ApplicationScoped
public class UnchangedCheckIn {

    private static final Logger LOG = Logger.getLogger(UnchangedCheckIn.class.getName());

    @Inject
    CheckInCommits commits;

    public Optional<List<DeviceAction>> answer(String deviceId, StatusReport report) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeviceRows rows;
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            rows = DeviceRows.read(connection, deviceId, report.users() != null && !report.users().isEmpty());
        } catch (SQLException | RuntimeException unreadable) {
            LOG.log(Level.FINE, "A check-in's rows could not be read by JDBC; it is recorded the full way", unreadable);
            return Optional.empty();
        }
        if (rows == null || !saysWhatIsStored(rows, report)) {
            return Optional.empty();
        }
        List<DeviceAction> actions = PendingActions.from(rows.records());
        if (actions.stream().anyMatch(a -> DeviceAction.ESCROW_RECOVERY_KEY.equals(a.type()))) {
            return Optional.empty(); // an escrow gap may be another record's key: CheckIn asks the database
        }
        CheckInWrite write = new CheckInWrite(deviceId, now, report.reportedAt(), usersDue(rows, report, now));
        return commits.commit(write) ? Optional.of(actions) : Optional.empty();
    }

    static boolean saysWhatIsStored(DeviceRows rows, StatusReport report) {
        if (rows.migratedFromMbam() && rows.lastCheckInAt() == null) {
            return false; // the first check-in of a migrated device asks for rotations
        }
        if (rows.lastReportedAt() != null && report.reportedAt().isBefore(rows.lastReportedAt())) {
            return false; // a late retry or a clock set back: CheckIn tells them apart
        }
        if (report.osVersion() != null && !report.osVersion().equals(rows.osVersion())) {
            return false;
        }
        if (report.users() != null && !report.users().stream()
                .allMatch(u -> rows.usersByPrincipal().containsKey(u.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        for (VolumeReport reported : report.volumes()) {
            Volume volume = rows.records().volumes().get(reported.volumeGuid());
            if (volume == null || (reported.volumeType() != null && reported.volumeType() != volume.getType())
                    || (reported.driveLetter() != null && !reported.driveLetter().equals(volume.getDriveLetter()))) {
                return false;
            }
            VolumeStatus status = rows.records().statuses().get(volume.getId());
            if (status == null || !reported.saysWhat(status) || removesSupersededKey(rows, volume, reported)) {
                return false;
            }
        }
        return true;
    }

    /** A superseded key of the volume whose protector the device no longer lists is to be marked removed. */
    private static boolean removesSupersededKey(DeviceRows rows, Volume volume, VolumeReport reported) {
        Set<String> listed = reported.protectors().stream().map(ProtectorReport::id).collect(Collectors.toSet());
        for (KeySummary key : rows.records().keys().values()) {
            if (key.volumeId().equals(volume.getId()) && key.state() == KeyState.SUPERSEDED
                    && !listed.contains(key.recoveryKeyId())) {
                return true;
            }
        }
        return false;
    }

    /** As {@code DeviceUser.seenAgain}: a user's last-seen time moves when it is older than the resolution. */
    private static List<String> usersDue(DeviceRows rows, StatusReport report, Instant now) {
        if (report.users() == null) {
            return List.of();
        }
        Set<String> due = new LinkedHashSet<>();
        for (String principal : report.users()) {
            DeviceRows.KnownUser user = rows.usersByPrincipal().get(principal.toLowerCase(Locale.ROOT));
            if (user.lastSeenAt() == null || !now.isBefore(user.lastSeenAt().plus(DeviceUser.LAST_SEEN_RESOLUTION))) {
                due.add(Objects.requireNonNull(user.id()));
            }
        }
        return List.copyOf(due);
    }
}
