package org.keywarden.selfservice.control;

import java.util.ArrayList;
import java.util.List;
import org.keywarden.disclosure.control.DisclosureRules;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;

/**
 * What a self-service request must hold before any key is looked up: a key ID (whatever its form: a
 * malformed one is looked up, and not found, like any other), a reason from {@link SelfServiceReason},
 * and free text for OTHER.
 */
final class SelfServiceRules {

    private SelfServiceRules() {
    }

    static void check(OwnKeyRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.keyId() == null || request.keyId().isBlank()) {
            violations.add(new Violation("keyId", "is required: the recovery key ID the recovery screen shows"));
        }
        SelfServiceReason reason = parse(request.reason());
        if (reason == null) {
            violations.add(new Violation("reason", "must be one of " + List.of(SelfServiceReason.values())));
        }
        DisclosureRules.checkReasonText(reason == SelfServiceReason.OTHER, request.reasonText(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private static SelfServiceReason parse(String reason) {
        for (SelfServiceReason candidate : SelfServiceReason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }
}
