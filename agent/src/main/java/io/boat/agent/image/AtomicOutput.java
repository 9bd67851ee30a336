package io.boat.agent.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An output file that appears under its name only when complete: bytes go to a 0600 temporary file
 * beside the target, which {@link #commit()} fsyncs and atomically renames; {@link #close()} without
 * a commit deletes it. So a refused image never leaves plaintext behind, and a crash mid-way leaves
 * at most a hidden {@code .NAME.*.part} file, never a plausible-looking partial image.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /** Refuses an existing target: nothing the user already has is overwritten. */
    public static AtomicOutput create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "output file already exists");
        }
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            return new AtomicOutput(absolute, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    public void write(byte[] bytes, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, len);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Writes at {@code position}: several threads may write disjoint ranges at once (positional writes share no file pointer). */
    public void write(byte[] bytes, int len, long position) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, len);
        while (b.hasRemaining()) {
            channel.write(b, position + b.position());
        }
    }

    public void commit() throws IOException {
        channel.force(true);
        channel.close();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        // The rename is durable only once the directory entry is on disk too.
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
