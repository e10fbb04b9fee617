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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.device.control.ManageAssociations;
import org.keywarden.escrow.control.Guids;
import org.keywarden.helpdesk.control.DescribeDevice;
import org.keywarden.helpdesk.control.DeviceDetails;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.NotFound;
import org.keywarden.portal.boundary.PortalMessages;

/**
 * {@code /helpdesk/device-user?device=[&principal=]} (administrators): associate a user with the device,
 * or, with {@code principal}, confirm removing that association; then back to the device page.
 */
@Named
@ViewScoped
public class DeviceUserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DescribeDevice describe;

    @Inject
    ManageAssociations associations;

    private String deviceId;
    private String principal;
    private boolean removing;
    private DeviceDetails device;

    public void load() {
        String normalized = deviceId == null ? null : Guids.normalize(deviceId);
        device = normalized == null ? null : describe.of(normalized.toLowerCase(Locale.ROOT)).orElse(null);
        removing = principal != null && !principal.isBlank();
    }

    /** Associates the user typed in, or removes the association the page was opened for. */
    public void save() throws IOException {
        boolean remove = removing;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (device == null) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        String id = device.device().deviceId();
        String address = ClientAddress.of((HttpServletRequest) external.getRequest());
        try {
            if (remove) {
                associations.remove(id, principal, AuditSource.HELPDESK_PORTAL, address);
            } else {
                associations.associate(id, principal, AuditSource.HELPDESK_PORTAL, address);
            }
            external.redirect(external.getRequestContextPath() + "/helpdesk/device?id=" + id
                    + (remove ? "&removed=" : "&associated=") + URLEncoder.encode(principal, StandardCharsets.UTF_8));
        } catch (InvalidInput invalid) {
            PortalMessages.error(faces, remove ? null : "associate:principal", "associate.invalid.principal");
        } catch (NotFound gone) {
            PortalMessages.error(faces, null, "device.unknown");
        }
    }

    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getPrincipal() { return principal; }
    public void setPrincipal(String principal) { this.principal = principal; }
    public boolean isRemoving() { return removing; }
    public DeviceDetails getDevice() { return device; }
}
