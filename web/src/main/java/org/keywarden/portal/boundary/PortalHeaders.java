package org.keywarden.portal.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.keywarden.platform.boundary.ClientAddress;

/**
 * HSTS on every answer over HTTPS, the API's too. Headers on every answer outside the API: never
 * cached, never sniffed, no referrer, never framed. Faces pages get their Content-Security-Policy, with a per-answer nonce, from PrimeFaces
 * (web.xml); a second policy here would forbid the nonce's scripts, so only other answers get one here.
 * A form post from another origin, or one without the view state every form of ours carries, is refused
 * with a clear page before any page sees it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PortalHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String STRICT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ClientAddress.isSecure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean resource = path.startsWith("/jakarta.faces.resource/");
        if (!resource) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!isFacesPage(path)) {
            response.setHeader("Content-Security-Policy", STRICT_POLICY);
        }
        if ("POST".equals(request.getMethod()) && !sameOrigin(request)) {
            request.setAttribute(ErrorAnswers.REASON, "origin");
            response.sendError(403);
            return;
        }
        if ("POST".equals(request.getMethod()) && request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8"); // our pages are UTF-8; set before any parameter is read
        }
        if ("POST".equals(request.getMethod()) && isFacesPage(path) && !path.startsWith("/signout")
                && request.getParameter("jakarta.faces.ViewState") == null) {
            // a form that no page of ours rendered (Faces would quietly show the page instead)
            request.setAttribute(ErrorAnswers.REASON, "state");
            response.sendError(400);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Pages that PrimeFaces gives their own policy: extensionless views, *.xhtml and the root. */
    static boolean isFacesPage(String path) {
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/error/") || path.startsWith("/session/")
                || path.equals("/openapi.yaml")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || last.endsWith(".xhtml") || !last.contains(".");
    }

    /**
     * Whether a POST comes from one of our own pages. Browsers say where a request comes from in
     * {@code Sec-Fetch-Site}; where that is missing, {@code Origin} names the sending site (with our
     * {@code Referrer-Policy: no-referrer} a browser sends "null" there, which is refused). A POST with
     * neither header is no browser's cross-site form: it still needs its view state and session cookie.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
