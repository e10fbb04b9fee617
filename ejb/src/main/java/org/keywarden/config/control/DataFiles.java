package org.keywarden.config.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Files and folders in the data directory, readable by the server's user only: small secret files written
 * atomically, folders created owner-only, and the whole tree held to that (what others wrote there, an
 * H2 database file or a keystore made under a looser umask, is tightened too).
 */
public final class DataFiles {

    private static final Logger LOG = Logger.getLogger(DataFiles.class.getName());
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataFiles() {
    }

    /** Creates the folder and any missing parents below an existing one, each owner-only. */
    public static void createOwnerOnlyDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createOwnerOnlyDirectories(parent);
        }
        Files.createDirectories(absolute);
        restrict(absolute, OWNER_DIRECTORY);
    }

    /**
     * Every folder and file under {@code root} (the root too) owner-only: folders rwx------, files
     * rw-------; links are not followed. What cannot be changed (another owner's file) is logged.
     */
    public static void restrictTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        // the folder itself may be a link (to another volume): what it points to is the data directory
        Files.walkFileTree(root.toRealPath(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                tighten(dir, OWNER_DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!attributes.isSymbolicLink()) {
                    tighten(file, OWNER_FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone while walking (an H2 temporary file, say)
            }
        });
    }

    private static void tighten(Path path, Set<PosixFilePermission> permissions) {
        try {
            restrict(path, permissions);
        } catch (java.nio.file.NoSuchFileException gone) {
            // removed meanwhile
        } catch (IOException e) {
            LOG.warning(() -> "Cannot make " + path + " readable by its owner only: " + e.getMessage());
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies.
        }
    }

    public static void writeOwnerOnly(Path file, String content) throws IOException {
        writeOwnerOnly(file, (content + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes to a owner-only temporary file beside {@code file}, then moves it into place. */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        createOwnerOnlyDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies.
        }
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
