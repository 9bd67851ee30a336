package io.boat.agent;

import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.KeyBlob;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The agent's state directory: AK and bind-key blobs (TPM-encrypted private parts) and the
 * enrollment record (host id, AK name, bind-key registration and, for a PCR-bound bind key, its
 * policy PCRs and their values at creation), so that later runs reuse the same keys.
 */
public final class StateDir {
    private static final String BIND_KEY = "bind";
    /** Record property: the PCRs of the bind key's TPM2_PolicyPCR authPolicy; empty or absent when not PCR-bound. */
    private static final String BIND_KEY_PCRS = "bindKeyPcrs";
    /** Record property prefix: a policy PCR's SHA-256 value when the bind key was created, to say which one changed. */
    private static final String PCR_VALUE = "bindKeyPcr.";
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

    /** The enrolled bind key, with the PCR values its policy was made from when it is PCR-bound. */
    public Optional<BindKey> bindKey() {
        Properties rec = record();
        return key(BIND_KEY).map(blob -> {
            SortedMap<Integer, byte[]> values = new TreeMap<>();
            for (String pcr : rec.getProperty(BIND_KEY_PCRS, "").split(",")) {
                if (!pcr.isBlank()) {
                    values.put(Integer.parseInt(pcr.strip()), HexFormat.of().parseHex(rec.getProperty(PCR_VALUE + pcr.strip())));
                }
            }
            return new BindKey(blob, values);
        });
    }

    /** Saves a new bind key and what it is bound to into {@code rec} (which the caller then saves). */
    public void saveBindKey(Properties rec, BindKey bind) {
        saveKey(BIND_KEY, bind.blob());
        rec.stringPropertyNames().stream().filter(k -> k.startsWith(PCR_VALUE)).forEach(rec::remove);
        rec.setProperty(BIND_KEY_PCRS, bind.policyPcrs().stream().map(String::valueOf).collect(Collectors.joining(",")));
        bind.policyPcrValues().forEach((pcr, v) -> rec.setProperty(PCR_VALUE + pcr, HexFormat.of().formatHex(v)));
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
