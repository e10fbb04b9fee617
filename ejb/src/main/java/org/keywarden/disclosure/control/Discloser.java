package org.keywarden.disclosure.control;

import java.util.Set;
import org.keywarden.audit.control.Caller;
import org.keywarden.identity.control.Roles;

/** The signed-in person asking for a key, with the roles that decide what they may see. */
public record Discloser(String username, Set<String> roles, String sourceAddress) {

    public boolean mayDisclose() {
        return roles.contains(Roles.HELPDESK) || roles.contains(Roles.ADVANCED_HELPDESK) || roles.contains(Roles.ADMIN);
    }

    /** Advanced helpdesk and administrators need not name the end user, and may get key packages. */
    public boolean isAdvanced() {
        return roles.contains(Roles.ADVANCED_HELPDESK) || roles.contains(Roles.ADMIN);
    }

    public Caller caller() {
        return Caller.user(username, sourceAddress);
    }
}
