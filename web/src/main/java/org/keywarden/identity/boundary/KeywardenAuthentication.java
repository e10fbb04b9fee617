package org.keywarden.identity.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.identity.control.SignIn;
import org.keywarden.identity.control.SignInChannel;
import org.keywarden.identity.control.SignInOutcome;
import org.keywarden.identity.control.SignInResult;
import org.keywarden.platform.boundary.ClientAddress;
import org.keywarden.platform.boundary.UserApiPaths;
import org.keywarden.portal.boundary.ErrorAnswers;

/**
 * The application's one authentication mechanism (Jakarta Security allows one): HTTP Basic for the
 * API under {@code /api/}, the form sign-in ({@link PortalSession}) for the portals. Both go through
 * {@link SignIn}, with its lockout, its cap on password checks and its audit. Credentials are looked at
 * only on paths that need them, so a Basic header on a device endpoint costs nothing. Which roles a
 * path needs is declared in web.xml. Over plain HTTP, only a trusted proxy may send credentials or
 * change anything ({@link ClientAddress}).
 *
 * <p>Our own Basic parsing rather than {@code @BasicAuthenticationMechanismDefinition}: the built-in one
 * answers a header such as {@code admin:} (an empty password) with a 500 and a stack trace, and cuts a
 * password at its second colon. Here a malformed header is simply no sign-in: 401 on a protected path.
 */
@ApplicationScoped
public class KeywardenAuthentication implements HttpAuthenticationMechanism {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");
    static final String CHALLENGE = "Basic realm=\"Keywarden\", charset=\"UTF-8\"";

    @Inject
    SignIn signIn;

    @Inject
    PortalSession portal;

    @Inject
    LiveSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!ClientAddress.mayCarryCredentials(request) && (request.getHeader("Authorization") != null
                || request.getRequestedSessionId() != null || !SAFE_METHODS.contains(request.getMethod()))) {
            return refusePlainHttp(request, response);
        }
        if (isApi(request)) {
            boolean needsUser = context.isProtected() || UserApiPaths.matches(
                    request.getRequestURI().substring(request.getContextPath().length() + "/api".length()));
            return needsUser ? api(request, response, context) : context.doNothing();
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential form) {
            return portal.signIn(form, request, context);
        }
        Optional<AuthenticationStatus> resumed = portal.resume(request, context);
        if (resumed.isPresent()) {
            return resumed.get();
        }
        return context.isProtected() ? portal.askToSignIn(request, context) : context.doNothing();
    }

    /**
     * Over plain HTTP from an address that is not a trusted proxy (port 8080 opened to the network),
     * nothing that carries a credential (a password, a device token, the enrollment secret, a session
     * that was signed in) or changes anything is accepted: 403, before anything reads it.
     */
    private static AuthenticationStatus refusePlainHttp(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ErrorAnswers.REASON, ErrorAnswers.PLAIN_HTTP);
        try {
            response.sendError(403);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<BasicCredentials> credentials = BasicCredentials.of(request.getHeader("Authorization"));
        if (credentials.isEmpty()) {
            return challenge(response, context);
        }
        char[] password = credentials.get().password();
        SignInResult result;
        try {
            result = signIn.signIn(credentials.get().username(), password, SignInChannel.API, ClientAddress.of(request));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (result.signedIn()) {
            return context.notifyContainerAboutLogin(result.username(), result.roles());
        }
        if (result.outcome() == SignInOutcome.INVALID) {
            return challenge(response, context);
        }
        return refuse(response, result.outcome(), settings.current().signInLockout().policy().lockFor().toSeconds());
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    /**
     * 429 for a locked user name or a node busy with password checks, 503 while the directory cannot be
     * reached (for directory users only); the client may retry later.
     */
    private static AuthenticationStatus refuse(HttpServletResponse response, SignInOutcome outcome, long lockSeconds) {
        boolean directory = outcome == SignInOutcome.DIRECTORY_UNAVAILABLE;
        response.setHeader("Retry-After", outcome == SignInOutcome.LOCKED ? String.valueOf(lockSeconds)
                : directory ? "30" : "1");
        try {
            response.sendError(directory ? 503 : 429, outcome == SignInOutcome.LOCKED
                    ? "Too many failed sign-ins for this user name; try again later"
                    : directory ? "The directory (LDAP) cannot be reached to check this user's password; try again later"
                    : "Too many sign-ins in progress; try again in a moment");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
