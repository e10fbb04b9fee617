package org.keywarden.checkin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest status a device reported for one volume, written when it changes: {@code reported_at} and
 * {@code received_at} say since when the volume has been in this status (the device's latest check-in is
 * the device's). Protectors are kept as {@code TYPE:GUID} entries separated by commas, in the order the
 * device listed them.
 */
@Entity
@Table(name = "volume_status")
@NamedQuery(name = VolumeStatus.OF_DEVICE, query = "SELECT s FROM VolumeStatus s WHERE s.deviceId = :deviceId")
public class VolumeStatus {

    public static final String OF_DEVICE = "VolumeStatus.ofDevice";

    @Id
    @Column(name = "volume_id", length = 36)
    private String volumeId;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "encryption_method", length = 64)
    private String encryptionMethod;

    @Column(name = "conversion_status", length = 64)
    private String conversionStatus;

    @Column(name = "protection_status", length = 64)
    private String protectionStatus;

    @Column(name = "compliant")
    private Boolean compliant;

    @Column(name = "non_compliance_codes", length = 256)
    private String nonComplianceCodes;

    @Column(name = "protectors", length = 4000)
    private String protectors;

    protected VolumeStatus() {
    }

    public VolumeStatus(String volumeId, String deviceId) {
        this.volumeId = volumeId;
        this.deviceId = deviceId;
    }

    /** Whether a report says what this status already says (then nothing is written: a check-in's common case). */
    public boolean says(String encryptionMethod, String conversionStatus, String protectionStatus, Boolean compliant,
                        String nonComplianceCodes, String protectors) {
        return java.util.Objects.equals(this.encryptionMethod, encryptionMethod)
                && java.util.Objects.equals(this.conversionStatus, conversionStatus)
                && java.util.Objects.equals(this.protectionStatus, protectionStatus)
                && java.util.Objects.equals(this.compliant, compliant)
                && java.util.Objects.equals(this.nonComplianceCodes, nonComplianceCodes)
                && java.util.Objects.equals(this.protectors, protectors);
    }

    public void report(Instant reportedAt, Instant receivedAt, String encryptionMethod, String conversionStatus,
                       String protectionStatus, Boolean compliant, String nonComplianceCodes, String protectors) {
        this.reportedAt = reportedAt;
        this.receivedAt = receivedAt;
        this.encryptionMethod = encryptionMethod;
        this.conversionStatus = conversionStatus;
        this.protectionStatus = protectionStatus;
        this.compliant = compliant;
        this.nonComplianceCodes = nonComplianceCodes;
        this.protectors = protectors;
    }

    public String getVolumeId() { return volumeId; }
    public String getDeviceId() { return deviceId; }
    public Instant getReportedAt() { return reportedAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getEncryptionMethod() { return encryptionMethod; }
    public String getConversionStatus() { return conversionStatus; }
    public String getProtectionStatus() { return protectionStatus; }
    public Boolean getCompliant() { return compliant; }
    public String getNonComplianceCodes() { return nonComplianceCodes; }
    public String getProtectors() { return protectors; }
}
