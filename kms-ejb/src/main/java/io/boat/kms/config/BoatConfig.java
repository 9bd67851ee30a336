package io.boat.kms.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * BOAT's settings, read once from MicroProfile Config (system properties, environment variables
 * such as {@code BOAT_ADMIN_PASSWORD}, {@code META-INF/microprofile-config.properties}).
 */
@ApplicationScoped
public class BoatConfig {

    @Inject
    @ConfigProperty(name = "boat.data-dir", defaultValue = "var")
    String dataDir;

    @Inject
    @ConfigProperty(name = "boat.master-key.file")
    Optional<String> masterKeyFile;

    @Inject
    @ConfigProperty(name = "boat.master-key.password")
    Optional<String> masterKeyPassword;

    @Inject
    @ConfigProperty(name = "boat.master-key.password-file")
    Optional<String> masterKeyPasswordFile;

    @Inject
    @ConfigProperty(name = "boat.secret-store", defaultValue = "database")
    String secretStore;

    @Inject
    @ConfigProperty(name = "boat.kmip.connection-factory", defaultValue = "boat/kmip")
    String kmipConnectionFactory;

    @Inject
    @ConfigProperty(name = "boat.secret.max-bytes", defaultValue = "10000")
    int maxSecretBytes;

    @Inject
    @ConfigProperty(name = "boat.request.max-bytes", defaultValue = "25000")
    int maxRequestBytes;

    @Inject
    @ConfigProperty(name = "boat.token.ttl-seconds", defaultValue = "3600")
    long tokenTtlSeconds;

    @Inject
    @ConfigProperty(name = "boat.token.issuer", defaultValue = "boat")
    String tokenIssuer;

    @Inject
    @ConfigProperty(name = "boat.admin.user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "boat.admin.project", defaultValue = "admin")
    String adminProject;

    @Inject
    @ConfigProperty(name = "boat.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "boat.password.iterations", defaultValue = "310000")
    int passwordIterations;

    @Inject
    @ConfigProperty(name = "boat.order.max-attempts", defaultValue = "3")
    int orderMaxAttempts;

    @Inject
    @ConfigProperty(name = "boat.release.max-report-age-seconds", defaultValue = "300")
    int defaultMaxReportAge;

    public Path dataDir() {
        return Path.of(dataDir);
    }

    public Path masterKeyFile() {
        return masterKeyFile.map(Path::of).orElse(dataDir().resolve("master-kek.p12"));
    }

    public Optional<String> masterKeyPassword() {
        return masterKeyPassword.filter(s -> !s.isEmpty());
    }

    public Path masterKeyPasswordFile() {
        return masterKeyPasswordFile.map(Path::of).orElse(dataDir().resolve("master-kek.password"));
    }

    public String secretStore() {
        return secretStore;
    }

    public String kmipConnectionFactory() {
        return kmipConnectionFactory;
    }

    public int maxSecretBytes() {
        return maxSecretBytes;
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    public long tokenTtlSeconds() {
        return tokenTtlSeconds;
    }

    public String tokenIssuer() {
        return tokenIssuer;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminProject() {
        return adminProject;
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(s -> !s.isEmpty());
    }

    public int passwordIterations() {
        return passwordIterations;
    }

    public int orderMaxAttempts() {
        return orderMaxAttempts;
    }

    /** The maximum trust report age, in seconds, of a secret whose release policy does not set one. */
    public int defaultMaxReportAge() {
        return defaultMaxReportAge;
    }
}
