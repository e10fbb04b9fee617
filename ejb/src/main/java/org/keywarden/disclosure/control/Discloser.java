package org.keywarden.disclosure.control;

import jakarta.ejb.SessionContext;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keywarden.audit.control.Caller;
import org.keywarden.identity.control.Roles;

/** The signed-in person asking for a key, with the roles that decide what they may see. */
record Discloser(String username, Set<String> roles, String sourceAddress) {

    /** The caller of the current EJB invocation, as the container authenticated them. */
    static Discloser of(SessionContext context, String sourceAddress) {
        Set<String> roles = Stream.of(Roles.ADMIN, Roles.ADVANCED_HELPDESK, Roles.HELPDESK)
                .filter(context::isCallerInRole).collect(Collectors.toSet());
        return new Discloser(context.getCallerPrincipal().getName(), roles, sourceAddress);
    }

    /** Advanced helpdesk and administrators need not name the end user, and may get key packages. */
    boolean isAdvanced() {
        return roles.contains(Roles.ADVANCED_HELPDESK) || roles.contains(Roles.ADMIN);
    }

    Caller caller() {
        return Caller.user(username, sourceAddress);
    }
}
