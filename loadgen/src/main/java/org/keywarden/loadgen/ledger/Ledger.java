package org.keywarden.loadgen.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Appends {@link LedgerEntry ledger entries}, one line each, written with a single append per line
 * so that every acknowledged escrow is in the file (in the operating system's hands) as soon as
 * its 2xx arrived. The file is created with mode 600; an existing file is appended to and its
 * mode tightened to 600. Thread safe.
 */
public final class Ledger implements AutoCloseable {
    /** Owner read and write only. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final FileChannel channel;
    private long lines;

    private Ledger(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating it with mode 600 if needed) the ledger for appending. */
    public static Ledger open(Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), attributes);
        try {
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new Ledger(file, channel);
    }

    /** Appends one entry. */
    public synchronized void append(LedgerEntry entry) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((entry.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        lines++;
    }

    /** Lines appended through this instance. */
    public synchronized long lines() {
        return lines;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
