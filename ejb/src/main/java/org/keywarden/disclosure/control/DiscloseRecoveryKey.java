package org.keywarden.disclosure.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.identity.control.Roles;

/**
 * Discloses a recovery key, for the REST API and the helpdesk portal alike: the caller's roles and the
 * request are checked against {@link DisclosureRules}; then {@link RecoveryKeyDisclosure} opens, audits
 * and marks the key, in this bean's transaction (fail closed).
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class DiscloseRecoveryKey {

    @Inject
    RecoveryKeyDisclosure disclosure;

    @Resource
    SessionContext context;

    /**
     * The key, or empty when there is no such key (audited as a failed attempt). Throws
     * {@link org.keywarden.platform.control.InvalidInput} or {@link org.keywarden.platform.control.NotPermitted}
     * for a request that breaks a rule; then nothing is opened, changed or shown.
     */
    public Optional<DisclosedKey> disclose(DisclosureRequest request, String sourceAddress) {
        Discloser discloser = Discloser.of(context, sourceAddress);
        DisclosureRules.check(request, discloser);
        String endUser = request.endUser() == null || request.endUser().isBlank() ? null : request.endUser();
        AuditRecord attempt = new AuditRecord(discloser.caller().via(request.source()), RecoveryKeyDisclosure.ACTION,
                Outcome.SUCCESS, null, null, request.recoveryKeyId(), request.auditReason(), detail(request), endUser);
        return disclosure.disclose(request.recoveryKeyId(), attempt, request.includeKeyPackage());
    }

    private static String detail(DisclosureRequest request) {
        return (request.endUser() == null || request.endUser().isBlank() ? "no end user named" : "end user named")
                + (request.includeKeyPackage() ? ", with key package" : "");
    }
}
