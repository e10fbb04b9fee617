package org.keywarden.identity.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.identity.control.SignIn;
import org.keywarden.identity.control.SignInResult;

/**
 * A portal user's signed-in session: only the user name is kept in the HTTP session, and the user's
 * roles are read again at every request, so that disabling a user or changing roles takes effect at
 * once. Signing in gives the session a new ID (no session fixation) and the idle timeout of the
 * settings.
 */
@ApplicationScoped
public class PortalSession {

    /** The session attribute with the time of its latest request (any tab), but the sign-out's own. */
    static final String LAST_ACTIVE = "keywarden.lastActive";
    static final String SIGN_OUT_PATH = "/signout";
    private static final int IDLE_SLACK_SECONDS = 5;

    static final String ACCOUNT = "keywarden.portal.user";
    /** Request attribute: how the sign-in just attempted ended ({@link org.keywarden.identity.control.SignInOutcome}). */
    public static final String OUTCOME = "keywarden.portal.signInOutcome";

    @Inject
    SignIn signIn;

    @Inject
    LiveSettings settings;

    AuthenticationStatus signIn(UsernamePasswordCredential credential, HttpServletRequest request,
            HttpMessageContext context) {
        SignInResult result = signIn.signIn(credential.getCaller(), credential.getPassword().getValue(),
                org.keywarden.identity.control.SignInChannel.PORTAL, ClientAddress.of(request));
        credential.getPassword().clear();
        request.setAttribute(OUTCOME, result.outcome());
        if (!result.signedIn()) {
            return context.doNothing();
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(ACCOUNT, result.username());
        session.setMaxInactiveInterval((int) Math.max(1, settings.current().sessionIdle().toSeconds()));
        return context.notifyContainerAboutLogin(result.username(), result.roles());
    }

    Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ACCOUNT) instanceof String username)) {
            return Optional.empty();
        }
        if (!SIGN_OUT_PATH.equals(request.getServletPath())) {
            session.setAttribute(LAST_ACTIVE, System.currentTimeMillis()); // any tab of the session in use
        }
        Optional<Set<String>> roles = signIn.currentRoles(username);
        if (roles.isEmpty()) {
            session.invalidate();
            return Optional.empty();
        }
        return Optional.of(context.notifyContainerAboutLogin(username, roles.get()));
    }

    /** To the sign-in page, and back to the page asked for (a bookmark, a ticket's link) after it. */
    AuthenticationStatus askToSignIn(HttpServletRequest request, HttpMessageContext context) {
        String target = request.getContextPath() + "/signin";
        if ("GET".equals(request.getMethod())) {
            String asked = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            target += "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
        } else {
            target += "?expired=true";
        }
        return context.redirect(target);
    }

    /** The signed-in user of this session, if any. */
    public static Optional<String> userOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ACCOUNT) instanceof String username
                ? Optional.of(username) : Optional.empty();
    }

    /**
     * The seconds this session has left before it is idle: its idle time less the time since its latest
     * request of any tab but a sign-out ({@link #LAST_ACTIVE}); 0 when it is idle (within a few seconds) or
     * gone. A page whose countdown ran out asks this (POST /signout, reason=idle): each page counts from its
     * own loading, and another tab may have used the session since.
     */
    public long secondsBeforeIdle(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return 0;
        }
        long last = session.getAttribute(LAST_ACTIVE) instanceof Long at ? at : session.getCreationTime();
        long left = session.getMaxInactiveInterval() - (System.currentTimeMillis() - last) / 1000;
        return left > IDLE_SLACK_SECONDS ? left : 0;
    }

    /** Ends the session: audited (as idle when the page's warning ran out), then invalidated. */
    public void signOut(HttpServletRequest request, boolean idle) {
        userOf(request).ifPresent(user -> signIn.signOut(user, ClientAddress.of(request), idle));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
