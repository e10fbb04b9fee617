package org.keywarden.helpdesk.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.OptionalInt;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.escrow.control.Guids;
import org.keywarden.helpdesk.control.DescribeDevice;
import org.keywarden.helpdesk.control.DeviceDetails;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.portal.boundary.PortalMessages;
import org.keywarden.rotation.control.RequestRotation;

/**
 * {@code /helpdesk/rotate?device=[&key=]} (advanced helpdesk and administrators): "rotate now" for every
 * active key of the device, or the one named, with a reason; then back to the device page, which says
 * how many keys the device will replace.
 */
@Named
@ViewScoped
public class RotateKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DescribeDevice describe;

    @Inject
    RequestRotation rotation;

    private String deviceId;
    private String keyId;
    private DeviceDetails device;
    private String reason;

    public void load() {
        String normalized = deviceId == null ? null : Guids.normalize(deviceId);
        device = normalized == null ? null : describe.of(normalized.toLowerCase(Locale.ROOT)).orElse(null);
        keyId = keyId == null ? null : Guids.normalize(keyId);
    }

    public void rotate() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (device == null) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        String id = device.device().deviceId();
        try {
            OptionalInt keys = rotation.forDevice(id, keyId, reason, AuditSource.HELPDESK_PORTAL,
                    ClientAddress.of((HttpServletRequest) external.getRequest()));
            if (keys.isEmpty()) {
                PortalMessages.error(faces, null, "recover.unknown");
                return;
            }
            external.redirect(external.getRequestContextPath() + "/helpdesk/device?id=" + id + "&rotated="
                    + keys.getAsInt());
        } catch (InvalidInput invalid) {
            PortalMessages.error(faces, "rotate:reason", "rotate.invalid.reason");
        }
    }

    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public DeviceDetails getDevice() { return device; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
