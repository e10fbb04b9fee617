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
 * once. Signing in gives the session a new ID (no session fixation) and the idle timeout the settings
 * give then: the session keeps it ({@link #IDLE_SECONDS}) when an administrator changes the setting later,
 * and its page counts from the same value.
 */
@ApplicationScoped
public class PortalSession {

    /** The session attribute with the time of its latest request (any tab), but the sign-out's own. */
    static final String LAST_ACTIVE = "keywarden.lastActive";
    /** The session attribute with its idle timeout in seconds, set at sign-in. */
    static final String IDLE_SECONDS = "keywarden.idleSeconds";
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
        int idle = (int) Math.max(1, settings.current().sessionIdle().toSeconds());
        session.setAttribute(IDLE_SECONDS, idle);
        session.setMaxInactiveInterval(idle);
        return context.notifyContainerAboutLogin(result.username(), result.roles());
    }

    Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ACCOUNT) instanceof String username)) {
            return Optional.empty();
        }
        if (!SIGN_OUT_PATH.equals(request.getServletPath())) {
            session.setAttribute(LAST_ACTIVE, System.currentTimeMillis()); // any tab of the session in use
            session.setMaxInactiveInterval(idleSecondsOf(session)); // back to its own, if an idle ask shortened it
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
        try {
            long last = session.getAttribute(LAST_ACTIVE) instanceof Long at ? at : session.getCreationTime();
            long left = idleSecondsOf(session) - (System.currentTimeMillis() - last) / 1000;
            if (left <= IDLE_SLACK_SECONDS) {
                return 0;
            }
            // this ask is no activity, but the container counts it as one: its timer ends where ours does
            session.setMaxInactiveInterval((int) left + IDLE_SLACK_SECONDS);
            return left;
        } catch (IllegalStateException expiredMeanwhile) {
            return 0; // the container's timer ended the session while this request ran
        }
    }

    /** The idle timeout of a session in seconds: the one it was given at sign-in. */
    public static int idleSecondsOf(HttpSession session) {
        return session.getAttribute(IDLE_SECONDS) instanceof Integer seconds ? seconds : session.getMaxInactiveInterval();
    }

    /** Ends the session: audited (as idle when the page's warning ran out), then invalidated. */
    public void signOut(HttpServletRequest request, boolean idle) {
        try {
            userOf(request).ifPresent(user -> signIn.signOut(user, ClientAddress.of(request), idle));
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } catch (IllegalStateException expiredMeanwhile) {
            // the container's timer ended the session while this request ran: it is over either way
        }
    }
}
