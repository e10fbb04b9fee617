package org.keywarden.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsTest {
    @TempDir
    Path tmp;

    @Test
    void fileContentWithoutTrailingLineBreaks() throws IOException {
        Path f = tmp.resolve("pw");
        Files.writeString(f, " se cret \r\n\n", StandardCharsets.UTF_8);
        assertArrayEquals(" se cret ".toCharArray(), Passwords.read(f, k -> "from-env"));
        Files.writeString(f, "\uFEFFsecret", StandardCharsets.UTF_8);
        assertArrayEquals("secret".toCharArray(), Passwords.read(f, k -> null));
    }

    @Test
    void environmentWhenNoFile() {
        assertArrayEquals("env-pw".toCharArray(), Passwords.read(null, Map.of(Passwords.ENV, "env-pw")::get));
    }

    @Test
    void missingEmptyOrNone() throws IOException {
        assertThrows(LocalProblem.class, () -> Passwords.read(tmp.resolve("missing"), k -> "x"));
        assertThrows(LocalProblem.class, () -> Passwords.read(tmp, k -> "x"));
        Path empty = Files.writeString(tmp.resolve("empty"), "\n");
        assertThrows(LocalProblem.class, () -> Passwords.read(empty, k -> "x"));
        assertThrows(LocalProblem.class, () -> Passwords.read(null, k -> null));
        assertThrows(LocalProblem.class, () -> Passwords.read(null, k -> ""));
    }
}
