package org.keywarden.helpdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.keywarden.escrow.control.Guids;
import org.keywarden.helpdesk.control.DescribeDevice;
import org.keywarden.helpdesk.control.DeviceDetails;

/** {@code /helpdesk/device?id=}: the device, its users, volumes, protectors and key history. */
@Named
@RequestScoped
public class DevicePage {

    @Inject
    DescribeDevice describe;

    private String id;
    private DeviceDetails device;

    /** Loads the device of the URL's {@code id} (a view action); device ids are lower-case UUIDs; an unknown or malformed id shows "no such computer". */
    public void load() {
        String normalized = id == null ? null : Guids.normalize(id);
        device = normalized == null ? null : describe.of(normalized.toLowerCase(java.util.Locale.ROOT)).orElse(null);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public DeviceDetails getDevice() { return device; }
}
