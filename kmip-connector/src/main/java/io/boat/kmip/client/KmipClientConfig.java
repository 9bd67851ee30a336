package io.boat.kmip.client;

import io.boat.kmip.api.KmipVersion;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how to connect: server address, the TLS context holding the client certificate and
 * trusted CAs, protocols and cipher suites (empty = JSSE defaults), timeouts and the preferred
 * KMIP version (the highest offered in Discover Versions).
 */
public record KmipClientConfig(String host, int port, SSLContext sslContext, List<String> protocols,
                               List<String> cipherSuites, int connectTimeoutMillis, int readTimeoutMillis,
                               KmipVersion version) {
    public KmipClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(version, "version");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + "; must be 1–65535");
        }
        if (connectTimeoutMillis <= 0 || readTimeoutMillis <= 0) {
            throw new IllegalArgumentException("Timeouts must be positive, got connect " + connectTimeoutMillis
                    + " ms, read " + readTimeoutMillis + " ms");
        }
        if (version.major() != 1) {
            throw new IllegalArgumentException("Unsupported KMIP version " + version + "; BOAT speaks 1.0–1.4");
        }
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }
}
