package org.keywarden.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * The admin REST API authenticates with HTTP Basic (use HTTPS) against the identity stores of the
 * application; which paths need which role is declared in web.xml. Device endpoints use their own
 * bearer tokens and are not affected.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "Keywarden")
public class AdminApiAuthentication {
}
