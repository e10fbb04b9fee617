package org.keywarden.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the administrator's password comes from: {@code --password-file} (its content without a
 * byte order mark and trailing line breaks), else the environment variable {@value #ENV}. Never from an argument.
 */
final class Passwords {
    static final String ENV = "KEYWARDEN_ADMIN_PASSWORD";

    private Passwords() {
    }

    static char[] read(Path passwordFile, Function<String, String> environment) {
        if (passwordFile != null) {
            return fromFile(passwordFile);
        }
        String value = environment.apply(ENV);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        throw new LocalProblem("no password: give --password-file FILE or set the environment variable " + ENV);
    }

    private static char[] fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LocalProblem("password file " + file + " does not exist");
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalProblem("cannot read password file " + file + ": " + e.getClass().getSimpleName());
        }
        int start = content.startsWith("\uFEFF") ? 1 : 0; // byte order mark of Windows editors
        int end = content.length();
        while (end > start && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end == start) {
            throw new LocalProblem("password file " + file + " is empty");
        }
        return content.substring(start, end).toCharArray();
    }
}
