package org.keywarden.device.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A device as enrolled; its credential is kept only as a SHA-256 hash of the bearer token. */
@Entity
@Table(name = "device")
@NamedQuery(name = Device.IMPORTED_BY_HOSTNAME,
        query = "SELECT d FROM Device d WHERE d.hostname = :hostname AND d.importedFrom IS NOT NULL ORDER BY d.enrolledAt")
public class Device {

    /** The imported record of a hostname (stored upper case), if any. */
    public static final String IMPORTED_BY_HOSTNAME = "Device.importedByHostname";

    @Id
    @Column(name = "device_id", length = 36)
    private String id;

    @Column(name = "hostname", nullable = false, length = 255)
    private String hostname;

    @Column(name = "domain_name", nullable = false, length = 256)
    private String domain;

    @Column(name = "serial_number", length = 256)
    private String serialNumber;

    @Column(name = "os_version", length = 256)
    private String osVersion;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "last_check_in_at")
    private Instant lastCheckInAt;

    /** The device's own time of its latest status report (a report older than it changes no status). */
    @Column(name = "last_reported_at")
    private Instant lastReportedAt;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "migrated_from_mbam", nullable = false)
    private boolean migratedFromMbam;

    @Column(name = "imported_from", length = 16)
    private String importedFrom;

    protected Device() {
    }

    public Device(String id, String hostname, String domain, String tokenHash, Instant enrolledAt) {
        this.id = id;
        this.hostname = hostname;
        this.domain = domain;
        this.tokenHash = tokenHash;
        this.enrolledAt = enrolledAt;
    }

    public String getId() { return id; }
    public String getHostname() { return hostname; }
    public String getDomain() { return domain; }
    public String getSerialNumber() { return serialNumber; }
    public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
    public String getOsVersion() { return osVersion; }
    public void setOsVersion(String osVersion) { this.osVersion = osVersion; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public Instant getLastCheckInAt() { return lastCheckInAt; }
    public void setLastCheckInAt(Instant lastCheckInAt) { this.lastCheckInAt = lastCheckInAt; }

    public Instant getLastReportedAt() { return lastReportedAt; }

    /**
     * A check-in received {@code now} with a report the device made at {@code reportedAt}: whether the
     * report is stale, older than one already received (a retry that arrived late; it changes no status).
     * A report more than a day older is the device's clock set back, not a late retry: it counts.
     */
    public boolean checkIn(Instant now, Instant reportedAt) {
        lastCheckInAt = now;
        if (lastReportedAt != null && reportedAt.isBefore(lastReportedAt)
                && !reportedAt.isBefore(lastReportedAt.minus(java.time.Duration.ofDays(1)))) {
            return true;
        }
        lastReportedAt = reportedAt;
        return false;
    }
    public boolean isMigratedFromMbam() { return migratedFromMbam; }
    public void setMigratedFromMbam(boolean migratedFromMbam) { this.migratedFromMbam = migratedFromMbam; }
    /** The source its keys were imported from ({@code MBAM}, ...), or null for a record an agent enrolled. */
    public String getImportedFrom() { return importedFrom; }
    public void setImportedFrom(String importedFrom) { this.importedFrom = importedFrom; }

    @Override
    public String toString() {
        return "Device[" + id + "]";
    }
}
