package io.boat.agent;

import io.boat.agent.tpm.KeyBlob;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The agent's state directory: AK and bind-key blobs (TPM-encrypted private parts) and the
 * enrollment record, so that later runs reuse the same keys.
 */
public final class StateDir {
    private final Path dir;

    public StateDir(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + dir, e);
        }
    }

    public Path path() {
        return dir;
    }

    public Optional<KeyBlob> key(String name) {
        Path pub = dir.resolve(name + ".pub");
        Path priv = dir.resolve(name + ".priv");
        if (!Files.exists(pub) || !Files.exists(priv)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeyBlob(Files.readAllBytes(pub), Files.readAllBytes(priv)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void saveKey(String name, KeyBlob key) {
        write(dir.resolve(name + ".pub"), key.publicArea());
        write(dir.resolve(name + ".priv"), key.privateBlob());
    }

    public Properties record() {
        Properties p = new Properties();
        Path f = dir.resolve("enrollment.properties");
        if (Files.exists(f)) {
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    public void saveRecord(Properties p) {
        try (Writer w = Files.newBufferedWriter(dir.resolve("enrollment.properties"))) {
            p.store(w, "BOAT agent enrollment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, byte[] data) {
        try {
            Files.write(f, data);
            try {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
