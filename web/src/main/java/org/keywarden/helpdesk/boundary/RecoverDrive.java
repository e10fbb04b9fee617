package org.keywarden.helpdesk.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.keywarden.disclosure.control.DiscloseRecoveryKey;
import org.keywarden.disclosure.control.DisclosedKey;
import org.keywarden.disclosure.control.DisclosureRequest;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.disclosure.control.DriveUnlockReason;
import org.keywarden.disclosure.control.FindRecoveryKeys;
import org.keywarden.disclosure.control.KeyListing;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.NotPermitted;
import org.keywarden.platform.control.Violation;
import org.keywarden.portal.boundary.PortalMessages;
import org.keywarden.portal.boundary.ShownKey;

/**
 * {@code /helpdesk/recover?key=}: the helpdesk gives a reason, the end user and free text; the key is
 * disclosed through {@link DiscloseRecoveryKey} (the same rules and audit as the API) and shown in the
 * answer to this POST only, a render marked transient so that no view state is kept of it. The disclosed
 * key is handed over in request scope ({@link ShownKey}); this view-scoped bean never holds it.
 */
@Named
@ViewScoped
public class RecoverDrive implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Map<String, String> FIELDS = Map.of("reason", "recover:reason", "reasonText", "recover:reasonText",
            "endUser", "recover:endUser");

    @Inject
    FindRecoveryKeys keys;

    @Inject
    DiscloseRecoveryKey disclose;

    @Inject
    ShownKey shown;

    private String keyId;
    private KeyListing key;
    private String reason;
    private String reasonText;
    private String endUser;
    private boolean keyPackage;

    /** Loads the key of the URL's {@code key} (a view action, on the first GET only). */
    public void load() {
        String normalized = keyId == null ? null : Guids.normalize(keyId);
        if (normalized == null) {
            return;
        }
        List<KeyListing> found = keys.byKeyIdPrefix(normalized.replace("-", ""));
        key = found.size() == 1 ? found.get(0) : null;
        keyPackage = key != null && keys.hasKeyPackage(key.recoveryKeyId());
    }

    /**
     * Advanced helpdesk and administrators: the key package as a file (for repair-bde -kp), disclosed
     * and audited like the key itself; the answer is the file, never a page.
     */
    public void downloadKeyPackage() throws java.io.IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        DisclosedKey disclosed = disclosed(faces, true);
        if (disclosed == null) {
            return;
        }
        if (disclosed.keyPackage() == null) {
            PortalMessages.error(faces, null, "recover.unknown");
            return;
        }
        jakarta.faces.context.ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/octet-stream");
        external.setResponseContentLength(disclosed.keyPackage().length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"KeyPackage-"
                + disclosed.recoveryKeyId() + ".kpg\"");
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
        external.getResponseOutputStream().write(disclosed.keyPackage());
        faces.responseComplete();
    }

    public String recover() {
        FacesContext faces = FacesContext.getCurrentInstance();
        DisclosedKey disclosed = disclosed(faces, false);
        if (disclosed != null) {
            shown.show(disclosed, key);
            faces.getViewRoot().setTransient(true);
        }
        return null;
    }

    /** The key through the disclosure path, or null with the page's messages saying why. */
    private DisclosedKey disclosed(FacesContext faces, boolean withKeyPackage) {
        if (key == null) {
            PortalMessages.error(faces, null, "recover.unknown");
            return null;
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        DisclosureRequest disclosure = new DisclosureRequest(key.recoveryKeyId(), reason, reasonText, endUser,
                withKeyPackage, AuditSource.HELPDESK_PORTAL);
        try {
            DisclosedKey disclosed = disclose.disclose(disclosure, ClientAddress.of(request)).orElse(null);
            if (disclosed == null) {
                PortalMessages.error(faces, null, "recover.unknown");
            }
            return disclosed;
        } catch (InvalidInput invalid) {
            for (Violation violation : invalid.violations()) {
                PortalMessages.error(faces, FIELDS.get(violation.field()), "recover.invalid." + violation.field());
            }
            return null;
        } catch (NotPermitted refused) {
            PortalMessages.error(faces, null, "recover.keyPackage.notAllowed");
            return null;
        }
    }

    public DriveUnlockReason[] getReasons() {
        return DriveUnlockReason.values();
    }

    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public KeyListing getKey() { return key; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
    public boolean isKeyPackage() { return keyPackage; }
    public String getEndUser() { return endUser; }
    public void setEndUser(String endUser) { this.endUser = endUser; }
}
