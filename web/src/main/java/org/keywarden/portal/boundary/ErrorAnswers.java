package org.keywarden.portal.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.keywarden.platform.boundary.Problems;

/**
 * The error page (web.xml) for errors the servlet container answers itself: on the API the same
 * problem+json body as every other API error; in the portals a plain page in the user's language that
 * says what happened and shows no data, no exception and no stack trace.
 */
@WebServlet("/error/answer")
public class ErrorAnswers extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Request attribute: why a request was refused before any page saw it ("origin"). */
    public static final String REASON = "keywarden.error.reason";
    /** {@link #REASON}: credentials or a change over plain HTTP from an address that is no trusted proxy. */
    public static final String PLAIN_HTTP = "plain-http";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer i ? i : response.getStatus();
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            problem(request, response, status);
        } else {
            page(request, response, status);
        }
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = status == 429 ? "Too Many Requests" : type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 401 -> "Sign in as a user with the right role (HTTP Basic over HTTPS for the API)";
            case 403 -> PLAIN_HTTP.equals(request.getAttribute(REASON))
                    ? "Over plain HTTP only a trusted proxy (KEYWARDEN_TRUSTED_PROXIES) may send credentials or change "
                    + "anything: use HTTPS" : "Your roles do not allow this";
            case 429, 503 -> request.getAttribute("jakarta.servlet.error.message") instanceof String m && !m.isBlank()
                    ? m : "Try again later";
            default -> title;
        };
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.of(status, title, detail).getEntity().toString());
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Object exception = request.getAttribute("jakarta.servlet.error.exception");
        boolean expired = exception != null && exception.getClass().getName().endsWith("ViewExpiredException");
        String key;
        if (expired) {
            status = 400;
            key = "error.expired";
        } else if ("origin".equals(request.getAttribute(REASON))) {
            key = "error.origin";
        } else if ("state".equals(request.getAttribute(REASON))) {
            key = "error.state";
        } else if (PLAIN_HTTP.equals(request.getAttribute(REASON))) {
            key = "error.plainHttp";
        } else {
            key = switch (status) {
                case 400 -> "error.400";
                case 403 -> "error.403";
                case 404 -> "error.404";
                case 429 -> "error.429";
                default -> "error.500";
            };
            if (status < 400 || status > 599) {
                status = 500;
            }
        }
        Locale locale = request.getLocale() != null && "de".equals(request.getLocale().getLanguage())
                ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle messages = ResourceBundle.getBundle("org.keywarden.portal.Messages", locale);
        String root = request.getContextPath() + "/";
        String link = expired ? "<a href=\"" + root + "signin\">" + messages.getString("error.signIn") + "</a>"
                : "<a href=\"" + root + "\">" + messages.getString("error.home") + "</a>";
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", PortalHeaders.STRICT_POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + messages.getString("error.title") + "</title><link rel=\"stylesheet\" href=\"" + root
                + "jakarta.faces.resource/keywarden.css.xhtml?ln=keywarden\"></head><body class=\"kw-error\"><main>"
                + "<h1>" + messages.getString("product") + "</h1><p id=\"error-message\" data-status=\"" + status + "\">"
                + messages.getString(key) + "</p><p>" + link + "</p></main></body></html>");
    }
}
