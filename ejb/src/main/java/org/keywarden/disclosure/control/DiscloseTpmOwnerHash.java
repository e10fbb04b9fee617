package org.keywarden.disclosure.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.crypto.control.SealedValueIntegrityException;
import org.keywarden.crypto.control.SecretCodec;
import org.keywarden.escrow.entity.TpmOwnerInfo;
import org.keywarden.identity.control.Roles;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;

/**
 * Discloses a device's TPM owner authorization hash to advanced helpdesk and administrators, with a TPM
 * reason (free text for OTHER), for the REST API and the helpdesk portal alike. Audited in the same
 * transaction before it is returned (fail closed); a device without TPM information is audited as a
 * failed attempt.
 */
@Stateless
@RolesAllowed({Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class DiscloseTpmOwnerHash {

    static final String ACTION = "TPM_OWNER_HASH_DISCLOSED";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodec codec;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    public Optional<DisclosedTpmOwnerHash> disclose(String deviceId, String reason, String reasonText,
            AuditSource source, String sourceAddress) {
        TpmReason parsed = check(reason, reasonText);
        Discloser discloser = Discloser.of(context, sourceAddress);
        String auditReason = parsed + (reasonText == null || reasonText.isBlank() ? "" : ": " + reasonText);
        TpmOwnerInfo info = deviceId == null ? null : em.find(TpmOwnerInfo.class, deviceId);
        AuditRecord attempt = new AuditRecord(discloser.caller().via(source), ACTION, Outcome.SUCCESS,
                info == null ? null : deviceId, null, null, auditReason, null);
        if (info == null || info.getSealedOwnerAuthHash() == null) {
            audit.recordSeparately(attempt.failed("no TPM owner information for this device"));
            return Optional.empty();
        }
        byte[] hash;
        try {
            hash = codec.open(deviceId, "ownerAuthHash", info.getSealedOwnerAuthHash(), info.getSealedWith());
        } catch (SealedValueIntegrityException e) {
            audit.recordSeparately(attempt.failed("integrity check failed: " + e.kind()));
            throw e;
        }
        audit.record(attempt);
        return Optional.of(new DisclosedTpmOwnerHash(deviceId, Base64.getEncoder().encodeToString(hash),
                info.getReportedAt()));
    }

    private static TpmReason check(String reason, String reasonText) {
        List<Violation> violations = new ArrayList<>();
        TpmReason parsed = null;
        for (TpmReason candidate : TpmReason.values()) {
            if (candidate.name().equals(reason)) {
                parsed = candidate;
            }
        }
        if (parsed == null) {
            violations.add(new Violation("reason", "must be one of " + List.of(TpmReason.values())));
        }
        DisclosureRules.checkReasonText(parsed == TpmReason.OTHER, reasonText, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return parsed;
    }
}
