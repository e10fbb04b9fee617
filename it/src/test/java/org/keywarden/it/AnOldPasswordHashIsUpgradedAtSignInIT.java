package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passwords are hashed with PBKDF2-HMAC-SHA256 at 600,000 iterations. A hash stored with fewer (210,000,
 * the figure before) still signs its user in, and is replaced by a 600,000-iteration hash of the same
 * password at that sign-in, audited.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(119)
class AnOldPasswordHashIsUpgradedAtSignInIT {

    private static final String TODAY = "PBKDF2WithHmacSHA256:600000:";


    @Test
    void aHashOfFewerIterationsIsReplacedAtTheNextSignIn() throws Exception {
        TestUsers.User user = TestUsers.create("ADMIN");
        assertTrue(hashOf(user.username()).startsWith(TODAY), "a new password is hashed with today's parameters");
        String old = hash(user.password(), 210_000);
        store(user.username(), old);

        assertEquals(200, signedInGet(user).status(), "the old hash still verifies");
        String upgraded = hashOf(user.username());
        assertTrue(upgraded.startsWith(TODAY), upgraded.substring(0, 30));
        assertNotEquals(old, upgraded);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_HASH_UPGRADED' "
                + "AND detail = ?", "user " + user.username() + ": PBKDF2 iterations 210000 to 600000"));

        assertEquals(200, signedInGet(user).status(), "the new hash verifies the same password");
        assertEquals(upgraded, hashOf(user.username()), "an up-to-date hash is left as it is");
        assertEquals(401, Http.sendUnrecorded(Http.asUser("/admin/users", user.username(), user.password() + "x")
                .GET()).status(), "and only that password");
    }

    private static Http.Reply signedInGet(TestUsers.User user) {
        return Http.sendUnrecorded(Http.asUser("/admin/users", user.username(), user.password()).GET());
    }

    /** A hash as Jakarta Security's Pbkdf2PasswordHash writes it: algorithm:iterations:salt:hash. */
    private static String hash(String password, int iterations) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static String hashOf(String username) {
        return Database.text("SELECT password_hash FROM app_user WHERE username = ?", username);
    }

    private static void store(String username, String hash) throws Exception {
        try (Connection connection = Database.connect();
             PreparedStatement update = connection.prepareStatement("UPDATE app_user SET password_hash = ? WHERE username = ?")) {
            update.setString(1, hash);
            update.setString(2, username);
            assertEquals(1, update.executeUpdate());
        }
    }
}
