package org.keywarden.it;

import jakarta.json.Json;
import java.util.Locale;

/** Self-service users for a test (built-in, no roles, named as agents report users) and devices they use. */
final class SelfServiceUsers {

    private SelfServiceUsers() {
    }

    static TestUsers.User create() {
        return TestUsers.createNamed("CORP\\u-" + Secrets.guid().substring(0, 8).toLowerCase(Locale.ROOT));
    }

    /** A device whose agent reported {@code user} at enrollment. */
    static TestDevice deviceOf(TestUsers.User user) {
        return TestDevice.enroll(Json.createObjectBuilder().add("users", Json.createArrayBuilder().add(user.username())));
    }
}
