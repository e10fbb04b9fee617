import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How long a self-service lookup takes for the user's own key, another user's key and an unknown key ID,
 * against a running Keywarden, through its portal over real HTTP (sign-in form, view state, CSP nonce):
 * the "not found" answers must not tell another's key from an unknown one by their timing either.
 *
 *   java bench/SelfServiceTiming.java BASE_URL ADMIN_PASSWORD ENROLLMENT_SECRET [ROUNDS]
 *
 * The three kinds are interleaved round by round (so drift hits them alike). The self-service lockout
 * is raised for the run through the settings API and put back afterwards. Prints a markdown table.
 */
public class SelfServiceTiming {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    static final Pattern NONCE = Pattern.compile("name=\"primefaces.nonce\" value=\"([^\"]*)\"");
    static final SecureRandom RANDOM = new SecureRandom();

    static String base;
    static String adminAuth;
    static final HttpClient API = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        base = args[0];
        adminAuth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        String secret = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String owner = "CORP\\timing-own-" + tag, other = "CORP\\timing-other-" + tag, password = "timing-" + UUID.randomUUID();
        user(owner, password);
        user(other, password);
        String ownKey = escrowedKey(secret, owner), othersKey = escrowedKey(secret, other);
        String before = api("GET", "/api/v1/admin/settings", null).body();
        api("PUT", "/api/v1/admin/settings", "{\"selfServiceLockout\": {\"failures\": 1000, \"windowMinutes\": 0.1, \"lockMinutes\": 0.1}}");
        try {
            HttpClient portal = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            signIn(portal, owner, password);
            Map<String, List<Long>> micros = new LinkedHashMap<>();
            for (String kind : List.of("own key", "another user's key", "unknown key ID")) {
                micros.put(kind, new ArrayList<>());
            }
            for (int round = -20; round < rounds; round++) { // 20 rounds of warm-up, not counted
                String unknown = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
                lookUp(portal, ownKey.substring(0, 8), round < 0 ? null : micros.get("own key"), true);
                lookUp(portal, othersKey.substring(0, 8), round < 0 ? null : micros.get("another user's key"), false);
                lookUp(portal, unknown, round < 0 ? null : micros.get("unknown key ID"), false);
            }
            System.out.println("| lookup | n | mean ms | p50 ms | p90 ms | p99 ms |");
            System.out.println("|---|---|---|---|---|---|");
            micros.forEach((kind, list) -> {
                List<Long> sorted = list.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", kind, sorted.size(),
                        sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0,
                        at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99));
            });
        } finally {
            api("PUT", "/api/v1/admin/settings", before);
        }
    }

    static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size()))) / 1000.0;
    }

    /** GET the form, then time the POST of the lookup alone. */
    static void lookUp(HttpClient portal, String keyId, List<Long> into, boolean expectKey) throws Exception {
        String page = send(portal, HttpRequest.newBuilder(URI.create(base + "/selfservice/")).GET()).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("recover", "recover");
        form.put("recover:accepted", "true");
        form.put("recover:keyId", keyId);
        form.put("recover:reason", "BIOS_OR_TPM_CHANGED");
        form.put("recover:reasonText", "");
        form.put("recover:submit", "Get recovery key");
        form.put("jakarta.faces.ViewState", group(VIEW_STATE, page));
        form.put("primefaces.nonce", group(NONCE, page));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/selfservice/"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded(form)));
        long started = System.nanoTime();
        HttpResponse<String> answer = send(portal, post);
        long took = (System.nanoTime() - started) / 1000;
        boolean shown = answer.body().contains("id=\"shown-key\"");
        if (answer.statusCode() != 200 || shown != expectKey || (!expectKey && !answer.body().contains("data-outcome=\"NOT_FOUND\""))) {
            throw new IllegalStateException("unexpected answer " + answer.statusCode() + " for " + keyId);
        }
        if (into != null) {
            into.add(took);
        }
    }

    static void signIn(HttpClient portal, String username, String password) throws Exception {
        String page = send(portal, HttpRequest.newBuilder(URI.create(base + "/signin")).GET()).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:username", username);
        form.put("signin:password", password);
        form.put("signin:submit", "Sign in");
        form.put("jakarta.faces.ViewState", group(VIEW_STATE, page));
        form.put("primefaces.nonce", group(NONCE, page));
        HttpResponse<String> answer = send(portal, HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded(form))));
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode());
        }
    }

    static void user(String name, String password) throws Exception {
        HttpResponse<String> created = api("POST", "/api/v1/admin/users", "{\"username\": \"" + name.replace("\\", "\\\\")
                + "\", \"password\": \"" + password + "\", \"roles\": []}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("user: " + created.statusCode() + " " + created.body());
        }
    }

    /** Enrolls a device that reports {@code user} and escrows one key; its recovery key ID. */
    static String escrowedKey(String enrollmentSecret, String user) throws Exception {
        HttpResponse<String> enrolled = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"enrollmentSecret\": \"" + enrollmentSecret + "\", \"domain\": \"CORP\", \"hostname\": \"PC-TIMING-"
                                + UUID.randomUUID().toString().substring(0, 6) + "\", \"users\": [\""
                                + user.replace("\\", "\\\\") + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        String deviceId = field(enrolled.body(), "deviceId"), token = field(enrolled.body(), "deviceToken");
        String keyId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        HttpResponse<String> escrowed = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/devices/" + deviceId
                        + "/recovery-keys")).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"volumeId\": \"" + UUID.randomUUID() + "\", \"volumeType\": \"OS\", "
                        + "\"recoveryKeyId\": \"" + keyId + "\", \"recoveryPassword\": \"" + recoveryPassword() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (escrowed.statusCode() != 201) {
            throw new IllegalStateException("escrow: " + escrowed.statusCode() + " " + escrowed.body());
        }
        return keyId;
    }

    static String recoveryPassword() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            groups.add(String.format("%06d", RANDOM.nextInt(65_536) * 11));
        }
        return String.join("-", groups);
    }

    static HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", adminAuth)
                .header("Accept", "application/json").header("X-Requested-By", "bench");
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return API.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found in the page: " + pattern);
        }
        return m.group(1);
    }

    static String field(String json, String name) {
        return group(Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\""), json);
    }
}
