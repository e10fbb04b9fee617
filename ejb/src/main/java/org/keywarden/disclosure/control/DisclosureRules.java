package org.keywarden.disclosure.control;

import java.util.ArrayList;
import java.util.List;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.NotPermitted;
import org.keywarden.platform.control.Violation;

/**
 * Who may see what, and which reasons are valid, for every way of asking for a key (REST API and
 * helpdesk portal): a reason from {@link DriveUnlockReason}, with free text for OTHER; a helpdesk user
 * must name the end user as {@code DOMAIN\name}; only advanced helpdesk and administrators get key packages.
 */
public final class DisclosureRules {

    static final int MAX_REASON_TEXT = 1000;
    static final int MAX_END_USER = 256;

    private DisclosureRules() {
    }

    static DriveUnlockReason check(DisclosureRequest request, Discloser discloser) {
        List<Violation> violations = new ArrayList<>();
        DriveUnlockReason reason = parse(request.reason());
        if (reason == null) {
            violations.add(new Violation("reason", "must be one of " + List.of(DriveUnlockReason.values())));
        }
        checkReasonText(reason == DriveUnlockReason.OTHER, request.reasonText(), violations);
        String endUser = request.endUser();
        if (endUser == null || endUser.isBlank()) {
            if (!discloser.isAdvanced()) {
                violations.add(new Violation("endUser", "is required: the user you recover the drive for, as DOMAIN\\name"));
            }
        } else if (!isDomainUser(endUser)) {
            violations.add(new Violation("endUser", "must be DOMAIN\\name, at most " + MAX_END_USER + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        if (request.includeKeyPackage() && !discloser.isAdvanced()) {
            throw new NotPermitted("Key packages are for advanced helpdesk and administrators");
        }
        return reason;
    }

    /** Free text: required for OTHER, at most {@value #MAX_REASON_TEXT} characters, line breaks allowed. */
    public static void checkReasonText(boolean required, String text, List<Violation> violations) {
        if (required && (text == null || text.isBlank())) {
            violations.add(new Violation("reasonText", "is required when the reason is OTHER"));
        } else if (text != null && (text.length() > MAX_REASON_TEXT || hasControlCharacters(text, true))) {
            violations.add(new Violation("reasonText", "must be at most " + MAX_REASON_TEXT + " characters of text"));
        }
    }

    static DriveUnlockReason parse(String reason) {
        for (DriveUnlockReason candidate : DriveUnlockReason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code CORP\alice}: a domain and a name, each non-empty, one backslash between them. */
    static boolean isDomainUser(String name) {
        int slash = name.indexOf('\\');
        return name.length() <= MAX_END_USER && slash > 0 && slash < name.length() - 1
                && name.indexOf('\\', slash + 1) < 0 && !name.isBlank() && !hasControlCharacters(name, false)
                && !org.keywarden.platform.control.TextRules.hasDeceptiveCharacters(name)
                && name.strip().equals(name);
    }

    private static boolean hasControlCharacters(String text, boolean allowLineBreaks) {
        return text.chars().anyMatch(c -> (c < 0x20 && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')))
                || c == 0x7f) || org.keywarden.platform.control.TextRules.hasLoneSurrogate(text);
    }
}
