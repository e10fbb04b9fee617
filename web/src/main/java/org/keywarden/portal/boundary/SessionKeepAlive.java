package org.keywarden.portal.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** "Stay signed in": a GET that touches the session (204), or 401 when it has ended. */
@WebServlet("/session/keepalive")
public class SessionKeepAlive extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(session != null && request.getUserPrincipal() != null ? 204 : 401);
    }
}
