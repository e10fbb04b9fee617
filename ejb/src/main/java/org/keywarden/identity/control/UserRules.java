package org.keywarden.identity.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;

/** What makes a user name, a password and a set of roles acceptable, for the admin API and the admin pages alike. */
final class UserRules {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1000;
    static final Set<String> ROLES = Roles.ALL;
    /** {@code helpdesk1} or {@code CORP\alice}: letters, digits, dot, dash, underscore, at; a domain part before one backslash. */
    private static final Pattern NAME = Pattern.compile("([\\p{L}\\p{N}][\\p{L}\\p{N}.\\-]{0,63}\\\\)?[\\p{L}\\p{N}._@\\-]{1,190}");

    private UserRules() {
    }

    static void checkName(String username, List<Violation> violations) {
        if (username == null || username.length() > 256 || !NAME.matcher(username).matches()) {
            violations.add(new Violation("username", "must be name or DOMAIN\\name (letters, digits, . _ - @)"));
        }
    }

    static void checkPassword(String username, String password, List<Violation> violations) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            violations.add(new Violation("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        } else if (org.keywarden.platform.control.TextRules.hasLoneSurrogate(password)) {
            violations.add(new Violation("password", "must be Unicode text (it has an unpaired surrogate)"));
        } else if (password.equalsIgnoreCase(username)) {
            violations.add(new Violation("password", "must not be the user name"));
        }
    }

    static Set<String> checkRoles(Collection<String> roles, List<Violation> violations) {
        Set<String> known = new TreeSet<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            if (ROLES.contains(role)) {
                known.add(role);
            } else {
                violations.add(new Violation("roles", "unknown role; roles are " + new TreeSet<>(ROLES)));
            }
        }
        return known;
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(new ArrayList<>(violations));
        }
    }
}
