package org.keywarden.disclosure.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keywarden.disclosure.control.Discloser;
import org.keywarden.identity.control.Roles;

/** The signed-in caller of an admin API request, with the roles Keywarden knows. */
final class Callers {

    private Callers() {
    }

    static Discloser of(SecurityContext security, HttpServletRequest request) {
        Set<String> roles = Stream.of(Roles.ADMIN, Roles.ADVANCED_HELPDESK, Roles.HELPDESK, Roles.REPORT_VIEWER)
                .filter(security::isUserInRole).collect(Collectors.toSet());
        return new Discloser(security.getUserPrincipal().getName(), roles, request.getRemoteAddr());
    }
}
