package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpRequest;

/** Portal users for a test, created through the admin API as the first administrator. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A user name and password. */
    public record User(String username, String password) {
    }

    public static User create(String... roles) {
        return createNamed("user-" + Secrets.guid().substring(0, 8).toLowerCase(java.util.Locale.ROOT), roles);
    }

    public static User createNamed(String username, String... roles) {
        String password = "pw-" + Secrets.guid();
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String role : roles) {
            list.add(role);
        }
        Http.Reply reply = Http.send(Http.asUser("/admin/users", "admin", Keywarden.adminPassword())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username)
                        .add("password", password).add("roles", list).build().toString())), null);
        assertEquals(201, reply.status(), reply::toString);
        return new User(username, password);
    }
}
