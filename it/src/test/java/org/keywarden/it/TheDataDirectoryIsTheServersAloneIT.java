package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Everything Keywarden keeps in its data directory (the folder itself, the TLS and encryption keystores
 * and their passwords, generated secrets, the H2 database, audit checkpoints) is readable by the
 * server's user only, whether Keywarden created the folder or found it. When the generated keystore's
 * password lies beside the H2 database, the encryption status says so.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(122)
class TheDataDirectoryIsTheServersAloneIT {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);


    @Test
    void everythingKeywardenKeepsIsOwnerOnly() throws Exception {
        assertEquals(201, AdminApi.post("/audit/checkpoints", "{}").status(), "write an audit checkpoint now");
        Path data = Keywarden.dataDir();
        List<Path> kept = new ArrayList<>(List.of(data, data.resolve("tls"), data.resolve("encryption"),
                data.resolve("audit-checkpoints")));
        for (String folder : List.of("tls", "encryption", "audit-checkpoints", "db")) {
            if (Files.isDirectory(data.resolve(folder))) {
                try (var files = Files.list(data.resolve(folder))) {
                    files.filter(f -> !f.getFileName().toString().endsWith(".trace.db")).forEach(kept::add);
                }
            }
        }
        for (String file : List.of("enrollment-secret", "initial-admin-password", "db")) {
            if (Files.exists(data.resolve(file))) {
                kept.add(data.resolve(file));
            }
        }
        assertTrue(kept.stream().anyMatch(p -> p.getFileName().toString().equals("keystore.p12")), kept::toString);
        assertTrue(kept.stream().anyMatch(p -> p.getFileName().toString().startsWith("checkpoint-")), kept::toString);
        for (Path path : kept) {
            Set<PosixFilePermission> loose = EnumSet.copyOf(Files.getPosixFilePermissions(path));
            loose.retainAll(OTHERS);
            assertTrue(loose.isEmpty(), path + " is " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        }
    }

    @Test
    void theEncryptionStatusWarnsWhenTheKeystorePasswordLiesBesideTheDatabase() {
        Http.Reply status = AdminApi.get("/admin/encryption");
        assertEquals(200, status.status(), status::toString);
        boolean warned = status.json().getJsonArray("warnings").getValuesAs(JsonString.class).stream()
                .anyMatch(w -> w.getString().contains("same data directory as the H2 database"));
        boolean besideDatabase = "h2".equals(System.getProperty("keywarden.test.db"))
                && Files.exists(Keywarden.dataDir().resolve("encryption/keystore.password"));
        assertEquals(besideDatabase, warned, status.body());
    }
}
