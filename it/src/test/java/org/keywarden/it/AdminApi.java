package org.keywarden.it;

import java.net.http.HttpRequest;

/** The admin API as the first administrator calls it from a script (HTTP Basic, JSON). */
final class AdminApi {

    private AdminApi() {
    }

    static Http.Reply get(String path) {
        return Http.send(Http.asUser(path, "admin", Keywarden.adminPassword()).GET(), null);
    }

    static Http.Reply put(String path, String json) {
        return Http.send(Http.asUser(path, "admin", Keywarden.adminPassword()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    static Http.Reply post(String path, String json) {
        return Http.send(Http.asUser(path, "admin", Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    static Http.Reply delete(String path) {
        return Http.send(Http.asUser(path, "admin", Keywarden.adminPassword()).DELETE(), null);
    }
}
