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
 * The page posts it with {@code reason=idle} when its idle warning runs out, so the session ends on the
 * server then, whatever the server's own session timer has done yet; but only if the session really was
 * idle ({@link PortalSession#idle}): while another tab of it is in use, the session stays and the page
 * that ran out starts again at the portal's home.
 */
@WebServlet(PortalSession.SIGN_OUT_PATH)
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PortalSession portal;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        boolean idle = "idle".equals(request.getParameter("reason"));
        if (idle && !portal.idle(request)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        portal.signOut(request, idle);
        request.logout();
        response.sendRedirect(request.getContextPath() + (idle ? "/signin?expired=true" : "/signin?signedOut=true"));
    }
}
