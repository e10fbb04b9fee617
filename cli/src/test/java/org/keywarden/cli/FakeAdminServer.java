package org.keywarden.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small in-test stand-in for the admin API: checks HTTP Basic against {@link #USER}/{@link #PASSWORD}
 * and answers each {@code METHOD path} with canned answers, in order; the last one repeats.
 */
final class FakeAdminServer implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "Pa55-w0rd!with:colon";
    static final String PROBLEM = "application/problem+json";

    record Answer(int status, String contentType, String body) {
    }

    record Request(String method, String path, String contentType, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeAdminServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds answers to {@code METHOD /api/v1/admin<path>}. */
    synchronized FakeAdminServer on(String method, String path, int status, String json) {
        String type = status >= 400 ? PROBLEM : "application/json";
        answers.computeIfAbsent(method + " /api/v1/admin" + path, k -> new ArrayDeque<>())
                .add(new Answer(status, json == null ? null : type, json));
        return this;
    }

    List<Request> requests(String method, String path) {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.method().equals(method) && r.path().equals("/api/v1/admin" + path)).toList();
        }
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\""
                + detail + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"), auth, body));
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                // like the application server: a challenge and an HTML page, no problem document
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"keywarden\"");
                send(ex, new Answer(401, "text/html", "<html><body>Unauthorized</body></html>"));
                return;
            }
            Answer answer = next(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            send(ex, answer != null ? answer : new Answer(404, PROBLEM, problem(404, "Not Found", "no such endpoint")));
        }
    }

    private synchronized Answer next(String key) {
        Deque<Answer> queue = answers.get(key);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        return queue.size() == 1 ? queue.peek() : queue.poll();
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        if (a.body() == null) {
            ex.sendResponseHeaders(a.status(), -1);
            return;
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", a.contentType());
        ex.sendResponseHeaders(a.status(), bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
