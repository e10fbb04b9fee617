package org.keywarden.backup.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.keywarden.config.control.DataFiles;

/** The files of one backup directory: owner-only copies from the data directory, and the manifest. */
final class BackupFiles {

    private final Path data;
    private final Path target;
    private final List<String> written = new ArrayList<>();

    BackupFiles(Path data, Path target) {
        this.data = data;
        this.target = target;
    }

    void createOwnerOnly() throws IOException {
        DataFiles.createOwnerOnlyDirectories(target);
    }

    void written(String name) {
        written.add(name);
    }

    List<String> written() {
        return List.copyOf(written);
    }

    void copy(Path source, String name) throws IOException {
        Path to = target.resolve(name);
        DataFiles.createOwnerOnlyDirectories(to.getParent());
        DataFiles.writeOwnerOnly(to, Files.readAllBytes(source));
        written.add(name);
    }

    void copyIfPresent(String fromData, String name) throws IOException {
        Path source = data.resolve(fromData);
        if (Files.isRegularFile(source)) {
            copy(source, name);
        }
    }

    /** Every regular file below {@code <data dir>/fromData}, keeping its relative path. */
    void copyTree(String fromData, String name) throws IOException {
        Path root = data.resolve(fromData);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.filter(Files::isRegularFile).sorted().toList()) {
                copy(file, name + "/" + root.relativize(file).toString().replace('\\', '/'));
            }
        }
    }

    void writeManifest(BackupReport report) throws IOException {
        JsonArrayBuilder certificates = Json.createArrayBuilder();
        report.certificatesNeeded().forEach(certificates::add);
        JsonArrayBuilder files = Json.createArrayBuilder();
        report.files().forEach(files::add);
        String manifest = Json.createObjectBuilder()
                .add("createdAt", report.createdAt().toString())
                .add("database", report.database())
                .add("databaseIncluded", report.databaseIncluded())
                .add("recoveryKeys", report.recoveryKeys())
                .add("certificatesNeeded", certificates)
                .add("files", files)
                .add("restore", "keywarden restore <this directory> into an empty data directory, the server stopped "
                        + "(docs/disaster-recovery.md); store encryption-password/ apart from the rest")
                .build().toString();
        DataFiles.writeOwnerOnly(target.resolve("manifest.json"), manifest);
    }

    /** A failed backup leaves nothing that looks like one. */
    void discard() {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(target)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the failed backup " + target, e);
        }
    }
}
