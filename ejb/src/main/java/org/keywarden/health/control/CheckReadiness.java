package org.keywarden.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keywarden.crypto.control.EncryptionAtRest;
import org.keywarden.schema.control.SchemaState;

/**
 * Readiness, beside liveness ({@code /api/v1/health}): the database answers with every migration this node
 * knows applied and none newer, and the encryption keystore is open with a certificate and still readable.
 * A node that started has passed all of these once; this says whether they still hold.
 */
@ApplicationScoped
public class CheckReadiness {

    @Inject
    SchemaState schema;

    @Inject
    EncryptionAtRest encryption;

    public Readiness check() {
        Map<String, String> checks = new LinkedHashMap<>();
        String database = schema.problem();
        checks.put("database", database == null ? "ok" : database);
        checks.put("keystore", keystore());
        boolean ready = checks.values().stream().allMatch(v -> v.equals("ok") || v.equals("off"));
        return new Readiness(ready, checks);
    }

    private String keystore() {
        if (encryption.isPlainText()) {
            return "off";
        }
        if (encryption.keyRing().fingerprints().isEmpty()) {
            return "no certificate";
        }
        return Files.isReadable(encryption.keystore()) ? "ok" : "keystore file unreadable";
    }
}
