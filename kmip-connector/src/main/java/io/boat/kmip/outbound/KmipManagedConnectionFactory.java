package io.boat.kmip.outbound;

import io.boat.kmip.api.KmipConnectionException;
import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.client.KmipClient;
import io.boat.kmip.client.KmipClientConfig;
import io.boat.kmip.client.TlsContexts;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.security.auth.Subject;

/**
 * The configured KMIP server: address, TLS material, timeouts and protocol version. Two
 * factories with the same settings are equal, and their connections are interchangeable
 * ({@link #matchManagedConnections}). Public because the container instantiates it by name;
 * {@link #createConnectionFactory()} gives an unmanaged, pooled factory for use outside a server.
 */
public class KmipManagedConnectionFactory
        implements ManagedConnectionFactory, ValidatingManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(defaultValue = "127.0.0.1", description = "KMIP server host name or address")
    private String host = "127.0.0.1";
    @ConfigProperty(defaultValue = "5696", description = "KMIP server TLS port")
    private Integer port = 5696;
    @ConfigProperty(description = "Key store with the client certificate (extendedKeyUsage clientAuth) and key")
    private String keyStorePath;
    @ConfigProperty(defaultValue = "PKCS12", description = "Key store type")
    private String keyStoreType = "PKCS12";
    @ConfigProperty(description = "Key store password", confidential = true)
    private String keyStorePassword;
    @ConfigProperty(description = "Trust store with the CA that signed the KMIP server certificate")
    private String trustStorePath;
    @ConfigProperty(defaultValue = "PKCS12", description = "Trust store type")
    private String trustStoreType = "PKCS12";
    @ConfigProperty(description = "Trust store password", confidential = true)
    private String trustStorePassword;
    @ConfigProperty(defaultValue = "TLSv1.2", description = "Comma-separated TLS protocols")
    private String tlsProtocols = "TLSv1.2";
    @ConfigProperty(defaultValue = "", description = "Comma-separated TLS cipher suites (empty: JSSE defaults)")
    private String cipherSuites = "";
    @ConfigProperty(defaultValue = "5000", description = "TCP connect timeout in milliseconds")
    private Integer connectTimeoutMillis = 5000;
    @ConfigProperty(defaultValue = "10000", description = "Read timeout (TLS handshake and each response) in milliseconds")
    private Integer readTimeoutMillis = 10000;
    @ConfigProperty(defaultValue = "1.2", description = "Highest KMIP version to offer in Discover Versions (1.0-1.4)")
    private String kmipVersion = "1.2";
    @ConfigProperty(defaultValue = "30", description = "Idle seconds after which a pooled connection is pinged before reuse")
    private Integer validationIdleSeconds = 30;
    @ConfigProperty(defaultValue = "8", description = "Pool size of the unmanaged factory (ignored inside a server)")
    private Integer unmanagedPoolSize = 8;

    private transient volatile SSLContext sslContext;
    private transient PrintWriter logWriter;
    private transient ResourceAdapter resourceAdapter;

    // ---- JCA -------------------------------------------------------------------------------

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        return new KmipConnectionFactoryImpl(this, cm);
    }

    /** Unmanaged use: a factory backed by a small pool of this adapter's own. */
    @Override
    public Object createConnectionFactory() {
        return new KmipConnectionFactoryImpl(this, new PoolingConnectionManager(unmanagedPoolSize,
                connectTimeoutMillis + readTimeoutMillis));
    }

    /** Same as {@link #createConnectionFactory()}, typed. */
    public KmipConnectionFactory unmanaged() {
        return (KmipConnectionFactory) createConnectionFactory();
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo cri) throws ResourceException {
        try {
            return new KmipManagedConnection(this, KmipClient.connect(clientConfig()));
        } catch (KmipException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    /**
     * Any live connection opened by an equal factory matches: the identity is the client
     * certificate of the factory, so the Subject and request info do not distinguish connections.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo cri) {
        for (Object o : connections) {
            if (o instanceof KmipManagedConnection) {
                KmipManagedConnection mc = (KmipManagedConnection) o;
                if (equals(mc.factory()) && !mc.isBroken()) {
                    return mc;
                }
            }
        }
        return null;
    }

    /** Broken or closed connections; connections idle longer than the validation time are pinged. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        Set invalid = new HashSet<>();
        long idleLimit = TimeUnit.SECONDS.toNanos(validationIdleSeconds);
        for (Object o : connections) {
            if (!(o instanceof KmipManagedConnection)) {
                continue;
            }
            KmipManagedConnection mc = (KmipManagedConnection) o;
            if (mc.client().peerClosed() || (mc.client().idleNanos() > idleLimit && !mc.client().ping())) {
                invalid.add(mc);
            }
        }
        return invalid;
    }

    /** The client settings; the TLS context is built once from the key and trust stores. */
    public KmipClientConfig clientConfig() throws KmipException {
        return new KmipClientConfig(host, port, sslContext(), split(tlsProtocols), split(cipherSuites),
                connectTimeoutMillis, readTimeoutMillis, KmipVersion.parse(kmipVersion));
    }

    private SSLContext sslContext() throws KmipException {
        SSLContext ctx = sslContext;
        if (ctx == null) {
            if (keyStorePath == null || trustStorePath == null) {
                throw new KmipConnectionException("KMIP adapter needs keyStorePath and trustStorePath", null);
            }
            try {
                ctx = TlsContexts.mutualTls(Path.of(keyStorePath), keyStoreType, chars(keyStorePassword),
                        Path.of(trustStorePath), trustStoreType, chars(trustStorePassword));
            } catch (IOException | GeneralSecurityException e) {
                // the message names the file, never the password
                throw new KmipConnectionException("Cannot load KMIP TLS key or trust store ("
                        + keyStorePath + ", " + trustStorePath + "): " + e.getMessage(), e);
            }
            sslContext = ctx;
        }
        return ctx;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    // ---- equality over the configuration -------------------------------------------------------

    private List<Object> settings() {
        return Arrays.asList(host, port, keyStorePath, keyStoreType, keyStorePassword, trustStorePath,
                trustStoreType, trustStorePassword, tlsProtocols, cipherSuites, connectTimeoutMillis,
                readTimeoutMillis, kmipVersion, validationIdleSeconds, unmanagedPoolSize);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KmipManagedConnectionFactory
                && settings().equals(((KmipManagedConnectionFactory) o).settings());
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings().toArray());
    }

    @Override
    public String toString() {
        return "KmipManagedConnectionFactory[" + host + ":" + port + ", KMIP " + kmipVersion + "]";
    }

    // ---- bean properties ---------------------------------------------------------------------

    private void changed() {
        sslContext = null;
    }

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; changed(); }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getKeyStorePath() { return keyStorePath; }
    public void setKeyStorePath(String v) { this.keyStorePath = v; changed(); }
    public String getKeyStoreType() { return keyStoreType; }
    public void setKeyStoreType(String v) { this.keyStoreType = v; changed(); }
    public String getKeyStorePassword() { return keyStorePassword; }
    public void setKeyStorePassword(String v) { this.keyStorePassword = v; changed(); }
    public String getTrustStorePath() { return trustStorePath; }
    public void setTrustStorePath(String v) { this.trustStorePath = v; changed(); }
    public String getTrustStoreType() { return trustStoreType; }
    public void setTrustStoreType(String v) { this.trustStoreType = v; changed(); }
    public String getTrustStorePassword() { return trustStorePassword; }
    public void setTrustStorePassword(String v) { this.trustStorePassword = v; changed(); }
    public String getTlsProtocols() { return tlsProtocols; }
    public void setTlsProtocols(String v) { this.tlsProtocols = v; }
    public String getCipherSuites() { return cipherSuites; }
    public void setCipherSuites(String v) { this.cipherSuites = v; }
    public Integer getConnectTimeoutMillis() { return connectTimeoutMillis; }
    public void setConnectTimeoutMillis(Integer v) { this.connectTimeoutMillis = v; }
    public Integer getReadTimeoutMillis() { return readTimeoutMillis; }
    public void setReadTimeoutMillis(Integer v) { this.readTimeoutMillis = v; }
    public String getKmipVersion() { return kmipVersion; }
    public void setKmipVersion(String v) { this.kmipVersion = v; }
    public Integer getValidationIdleSeconds() { return validationIdleSeconds; }
    public void setValidationIdleSeconds(Integer v) { this.validationIdleSeconds = v; }
    public Integer getUnmanagedPoolSize() { return unmanagedPoolSize; }
    public void setUnmanagedPoolSize(Integer v) { this.unmanagedPoolSize = v; }
}
