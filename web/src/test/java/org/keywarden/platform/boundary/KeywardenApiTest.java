package org.keywarden.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scanning is off, so a resource or provider missing from {@link KeywardenApi#getClasses()} would be dead. */
class KeywardenApiTest {

    @Test
    void listsEveryResourceAndProviderOfTheWebModule() throws IOException {
        Set<String> annotated = new TreeSet<>();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                try {
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) || type.isAnnotationPresent(Provider.class)) {
                        annotated.add(type.getName());
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        new KeywardenApi().getClasses().forEach(c -> listed.add(c.getName()));
        assertEquals(annotated, listed);
    }
}
