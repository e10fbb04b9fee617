package org.keywarden.escrow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A volume of a device, identified on the device by the GUID Windows gives it. */
@Entity
@Table(name = "volume")
@NamedQuery(name = Volume.BY_DEVICE_AND_GUID,
        query = "SELECT v FROM Volume v WHERE v.deviceId = :deviceId AND v.volumeGuid = :volumeGuid")
@NamedQuery(name = Volume.OF_DEVICE, query = "SELECT v FROM Volume v WHERE v.deviceId = :deviceId")
public class Volume {

    public static final String BY_DEVICE_AND_GUID = "Volume.byDeviceAndGuid";
    public static final String OF_DEVICE = "Volume.ofDevice";

    @Id
    @Column(name = "volume_id", length = 36)
    private String id;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(name = "volume_guid", nullable = false, length = 36)
    private String volumeGuid;

    @Enumerated(EnumType.STRING)
    @Column(name = "volume_type", nullable = false, length = 16)
    private VolumeType type;

    @Column(name = "drive_letter", length = 256)
    private String driveLetter;

    protected Volume() {
    }

    public Volume(String id, String deviceId, String volumeGuid, VolumeType type, String driveLetter) {
        this.id = id;
        this.deviceId = deviceId;
        this.volumeGuid = volumeGuid;
        this.type = type;
        this.driveLetter = driveLetter;
    }

    public String getId() { return id; }
    public String getDeviceId() { return deviceId; }
    public String getVolumeGuid() { return volumeGuid; }
    public VolumeType getType() { return type; }
    public void setType(VolumeType type) { this.type = type; }
    public String getDriveLetter() { return driveLetter; }
    public void setDriveLetter(String driveLetter) { this.driveLetter = driveLetter; }

    @Override
    public String toString() {
        return "Volume[" + volumeGuid + "]";
    }
}
