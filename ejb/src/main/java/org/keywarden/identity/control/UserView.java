package org.keywarden.identity.control;

import java.time.Instant;
import java.util.List;

/** A user as lists show them: never the password hash. */
public record UserView(String username, List<String> roles, boolean disabled, String source, Instant createdAt,
                       Instant lastSignInAt) {
}
