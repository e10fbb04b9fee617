package org.keywarden.selfservice.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;
import org.keywarden.portal.boundary.PortalBranding;
import org.keywarden.portal.boundary.PortalMessages;
import org.keywarden.portal.boundary.ShownKey;
import org.keywarden.selfservice.control.OwnKeyAnswer;
import org.keywarden.selfservice.control.OwnKeyRequest;
import org.keywarden.selfservice.control.RecoverOwnKey;
import org.keywarden.selfservice.control.SelfServiceReason;

/**
 * {@code /selfservice/}: the user accepts the notice, types the key ID from the recovery screen and a
 * reason; {@link RecoverOwnKey} decides. A shown key goes to {@link ShownKey} (request scope) and is
 * rendered in the answer to this POST only, a render marked transient so that no view state is kept of
 * it; this view-scoped bean never holds it. Every failed lookup ends in the one "not found" answer.
 */
@Named
@ViewScoped
public class RecoverOwnDrive implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Map<String, String> FIELDS = Map.of("keyId", "recover:keyId", "reason", "recover:reason",
            "reasonText", "recover:reasonText");

    @Inject
    RecoverOwnKey recoverOwnKey;

    @Inject
    ShownKey shown;

    @Inject
    PortalBranding branding;

    private boolean accepted;
    private String keyId;
    private String reason;
    private String reasonText;
    private OwnKeyAnswer.Outcome outcome;
    private Instant lockedUntil;

    public String recover() {
        FacesContext faces = FacesContext.getCurrentInstance();
        outcome = null;
        if (branding.isNoticeEnabled() && !accepted) {
            PortalMessages.error(faces, "recover:accepted", "selfservice.invalid.accepted");
            return null;
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        OwnKeyAnswer answer;
        try {
            answer = recoverOwnKey.recover(new OwnKeyRequest(keyId, reason, reasonText), ClientAddress.of(request));
        } catch (InvalidInput invalid) {
            for (Violation violation : invalid.violations()) {
                PortalMessages.error(faces, FIELDS.get(violation.field()), "selfservice.invalid." + violation.field());
            }
            return null;
        }
        outcome = answer.outcome();
        lockedUntil = answer.lockedUntil();
        if (outcome == OwnKeyAnswer.Outcome.SHOWN) {
            shown.show(answer.key(), answer.listing());
            faces.getViewRoot().setTransient(true);
        }
        return null;
    }

    public SelfServiceReason[] getReasons() {
        return SelfServiceReason.values();
    }

    /** How the last lookup ended, for the page: SHOWN, NOT_FOUND, FULL_ID_NEEDED, LOCKED_OUT, or null. */
    public String getOutcome() {
        return outcome == null ? null : outcome.name();
    }

    public Instant getLockedUntil() { return lockedUntil; }
    public boolean isAccepted() { return accepted; }
    public void setAccepted(boolean accepted) { this.accepted = accepted; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
}
