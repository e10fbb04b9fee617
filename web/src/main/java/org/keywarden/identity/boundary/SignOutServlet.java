package org.keywarden.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /signout}: ends the session (audited) and leads back to the sign-in page. A POST from
 * another site never gets here (PortalHeaders) and would carry no session cookie (SameSite=Strict).
 * <p>With {@code reason=idle} it is the page's own call (fetch) when its idle countdown runs out: if the
 * session is idle on the server too ({@link PortalSession#secondsBeforeIdle}), it ends now, whatever the
 * server's session timer has done yet, audited as idle (204); if another tab of it was used since, it stays,
 * and the answer is the seconds it has left (200, text), from which the page counts down again without
 * loading anything (a reload would itself be activity, and two idle tabs would keep each other alive).
 */
@WebServlet(PortalSession.SIGN_OUT_PATH)
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PortalSession portal;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if ("idle".equals(request.getParameter("reason"))) {
            response.setHeader("Cache-Control", "no-store");
            long left = portal.secondsBeforeIdle(request);
            if (left > 0) {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().print(left);
                return;
            }
            portal.signOut(request, true);
            request.logout();
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        portal.signOut(request, false);
        request.logout();
        response.sendRedirect(request.getContextPath() + "/signin?signedOut=true");
    }
}
