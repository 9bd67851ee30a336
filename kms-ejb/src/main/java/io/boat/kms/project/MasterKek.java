package io.boat.kms.project;

import io.boat.kms.config.BoatConfig;
import io.boat.kms.crypto.MasterKeyStore;
import io.boat.kms.crypto.Rng;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Holds the master KEK, the root of the key hierarchy (it wraps project KEKs and the token
 * signing key), opened at start. Its password comes from {@code boat.master-key.password} or a
 * password file; on the very first start of an embedded install (no key store, no password
 * configured) a random password file is created beside the key store, owner-readable only.
 */
@ApplicationScoped
public class MasterKek {

    private static final Logger LOG = Logger.getLogger(MasterKek.class.getName());

    @Inject
    BoatConfig config;

    private MasterKeyStore master;

    @PostConstruct
    void open() {
        char[] password = password();
        try {
            master = MasterKeyStore.openOrCreate(config.masterKeyFile(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
        LOG.info(() -> "Master KEK ready: " + config.masterKeyFile().toAbsolutePath());
    }

    private char[] password() {
        if (config.masterKeyPassword().isPresent()) {
            return config.masterKeyPassword().get().toCharArray();
        }
        Path file = config.masterKeyPasswordFile();
        if (!Files.exists(file) && !Files.exists(config.masterKeyFile())) {
            createPasswordFile(file);
        }
        return MasterKeyStore.readPasswordFile(file);
    }

    private static void createPasswordFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
            MasterKeyStore.restrictToOwner(file);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(Rng.bytes(32));
            Files.write(file, password.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.TRUNCATE_EXISTING);
            LOG.warning(() -> "Created master key password file " + file.toAbsolutePath()
                    + " (embedded default). In production set boat.master-key.password or keep this file elsewhere.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create master key password file " + file, e);
        }
    }

    public MasterKeyStore master() {
        return master;
    }
}
