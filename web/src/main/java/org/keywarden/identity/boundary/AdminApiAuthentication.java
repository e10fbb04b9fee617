package org.keywarden.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The admin REST API authenticates with HTTP Basic (use HTTPS) against the identity stores of the
 * application; which paths need which role is declared in web.xml. Device endpoints use their own
 * bearer tokens and are not affected.
 *
 * <p>Our own mechanism rather than {@code @BasicAuthenticationMechanismDefinition}: the built-in one
 * answers a header such as {@code admin:} (an empty password) with a 500 and a stack trace, and cuts a
 * password at its second colon. Here a malformed header is simply no login: 401 on a protected path.
 */
@ApplicationScoped
public class AdminApiAuthentication implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"Keywarden\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        Optional<BasicCredentials> credentials = BasicCredentials.of(header);
        if (credentials.isPresent()) {
            char[] password = credentials.get().password();
            try {
                CredentialValidationResult result = identityStores.validate(
                        new UsernamePasswordCredential(credentials.get().username(), String.valueOf(password)));
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }
}
