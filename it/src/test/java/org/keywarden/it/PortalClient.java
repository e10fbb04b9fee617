package org.keywarden.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portals over plain HTTP, as a forger or a test of every page would use them: a cookie jar, the
 * sign-in form, GETs and form POSTs with or without a view state. Every answer is kept for the leak scan.
 */
public final class PortalClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("name=\"primefaces.nonce\" value=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static PortalClient signedIn(TestUsers.User user) {
        return signedIn(user.username(), user.password());
    }

    public static PortalClient signedIn(String username, String password) {
        PortalClient portal = new PortalClient();
        Http.Reply form = portal.get("/signin");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("signin", "signin", "signin:username", username,
                "signin:password", password, "signin:submit", "Sign in"));
        fields.putAll(hiddenFieldsOf(form.body()));
        Http.Reply answer = portal.post("/signin", fields, null);
        if (answer.status() != 302) {
            throw new AssertionError("sign-in failed for " + username + ": " + answer.status());
        }
        return portal;
    }

    /**
     * Self-service: opens {@code /selfservice/}, accepts the notice and looks up {@code typedKeyId} with a
     * reason; the answer page. Not recorded for the leak scan when it shows a key.
     */
    public Http.Reply selfServiceLookUp(String typedKeyId) {
        Http.Reply form = get("/selfservice/");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("recover", "recover", "recover:accepted", "true",
                "recover:keyId", typedKeyId, "recover:reason", "OS_FILES_MODIFIED", "recover:reasonText", "",
                "recover:submit", "Get recovery key"));
        fields.putAll(hiddenFieldsOf(form.body()));
        return send(formPost("/selfservice/", fields, null), false);
    }

    /** The hidden fields every Faces form of the page posts back: its view state and the page's CSP nonce. */
    public static Map<String, String> hiddenFieldsOf(String page) {
        Matcher nonce = NONCE.matcher(page);
        if (!nonce.find()) {
            throw new AssertionError("no CSP nonce field in the page");
        }
        return Map.of("jakarta.faces.ViewState", viewStateOf(page), "primefaces.nonce", nonce.group(1));
    }

    public static String viewStateOf(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no view state in the page");
        }
        return m.group(1);
    }

    public Http.Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(Keywarden.baseUrl() + path)).GET());
    }

    /** A form POST; {@code origin} null sends no Origin header. */
    public Http.Reply post(String path, Map<String, String> form, String origin) {
        return send(formPost(path, form, origin));
    }

    /** For the one answer that rightly shows a key: kept out of the answers the leak scan searches. */
    public Http.Reply postUnrecorded(String path, Map<String, String> form) {
        return send(formPost(path, form, null), false);
    }

    private static HttpRequest.Builder formPost(String path, Map<String, String> form, String origin) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Keywarden.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request;
    }

    public Http.Reply send(HttpRequest.Builder request) {
        return send(request, true);
    }

    private Http.Reply send(HttpRequest.Builder request, boolean record) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (record) {
                Http.REPLY_BODIES.add(response.body());
            }
            return new Http.Reply(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
