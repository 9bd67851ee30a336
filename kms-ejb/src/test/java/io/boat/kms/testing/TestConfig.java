package io.boat.kms.testing;

import io.boat.kms.config.BoatConfig;
import java.nio.file.Path;
import java.util.Optional;

/** BOAT's settings with the shipped defaults, without a MicroProfile Config runtime; tests change what they need. */
public final class TestConfig extends BoatConfig {

    private Path dataDir = Path.of("target", "test-data");
    private long tokenTtlSeconds = 3600;

    public TestConfig dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    public TestConfig tokenTtlSeconds(long seconds) {
        this.tokenTtlSeconds = seconds;
        return this;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Path masterKeyFile() {
        return dataDir.resolve("master-kek.p12");
    }

    @Override
    public Optional<String> masterKeyPassword() {
        return Optional.of("test-master-key-password");
    }

    @Override
    public int orderMaxAttempts() {
        return 3;
    }

    @Override
    public int maxSecretBytes() {
        return 10000;
    }

    @Override
    public long tokenTtlSeconds() {
        return tokenTtlSeconds;
    }

    @Override
    public String tokenIssuer() {
        return "boat";
    }
}
