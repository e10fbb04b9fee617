package org.keywarden.helpdesk.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Locale;
import org.keywarden.disclosure.control.DiscloseTpmOwnerHash;
import org.keywarden.disclosure.control.DisclosedTpmOwnerHash;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.disclosure.control.TpmReason;
import org.keywarden.escrow.control.Guids;
import org.keywarden.helpdesk.control.DescribeDevice;
import org.keywarden.helpdesk.control.DeviceDetails;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;
import org.keywarden.portal.boundary.PortalMessages;

/**
 * {@code /helpdesk/tpm?device=} (advanced helpdesk and administrators): a TPM reason, then the device's
 * TPM owner authorization hash, disclosed through {@link DiscloseTpmOwnerHash} (audited) and shown in the
 * answer to that POST only, a transient render; the hash itself is handed over in request scope.
 */
@Named
@ViewScoped
public class TpmOwnerPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DescribeDevice describe;

    @Inject
    DiscloseTpmOwnerHash disclose;

    @Inject
    ShownTpmHash shown;

    private String deviceId;
    private DeviceDetails device;
    private String reason;
    private String reasonText;

    public void load() {
        String normalized = deviceId == null ? null : Guids.normalize(deviceId);
        device = normalized == null ? null : describe.of(normalized.toLowerCase(Locale.ROOT)).orElse(null);
    }

    public void show() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (device == null) {
            return;
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        try {
            DisclosedTpmOwnerHash hash = disclose.disclose(device.device().deviceId(), reason, reasonText,
                    AuditSource.HELPDESK_PORTAL, ClientAddress.of(request)).orElse(null);
            if (hash == null) {
                PortalMessages.error(faces, null, "tpm.none");
                return;
            }
            shown.show(hash);
            faces.getViewRoot().setTransient(true);
        } catch (InvalidInput invalid) {
            for (Violation violation : invalid.violations()) {
                PortalMessages.error(faces, "tpm:" + violation.field(), "recover.invalid." + violation.field());
            }
        }
    }

    public TpmReason[] getReasons() {
        return TpmReason.values();
    }

    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public DeviceDetails getDevice() { return device; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
}
