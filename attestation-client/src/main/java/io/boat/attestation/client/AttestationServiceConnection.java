package io.boat.attestation.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HostnameVerifier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The relying party's calls to the attestation service, with the transport's failures turned into two
 * answers a caller can act on: the host is not enrolled, or the service cannot vouch right now. Built
 * from the MicroProfile Rest Client keys of config key {@value #CONFIG_KEY} ({@code url},
 * {@code connectTimeout}, {@code readTimeout}, {@code trustStore}, {@code trustStorePassword},
 * {@code trustStoreType}, {@code hostnameVerifier}), read here rather than left to the container so that
 * the timeouts have defaults (a call never hangs) and a missing URL is an answer, not a deployment failure.
 */
public final class AttestationServiceConnection {
    public static final String CONFIG_KEY = "attestation-service";
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 2000;
    public static final long DEFAULT_READ_TIMEOUT_MS = 5000;
    private static final String PREFIX = CONFIG_KEY + "/mp-rest/";

    private final AttestationServiceClient client;
    private final String problem;

    private AttestationServiceConnection(AttestationServiceClient client, String problem) {
        this.client = client;
        this.problem = problem;
    }

    /** Calls through {@code client} (e.g. one built by a test with its own RestClientBuilder). */
    public static AttestationServiceConnection of(AttestationServiceClient client) {
        return new AttestationServiceConnection(client, null);
    }

    /**
     * A connection configured from {@code config}; when that configuration is unusable (no URL, unreadable
     * trust store) every call fails as unavailable, saying why.
     */
    public static AttestationServiceConnection fromConfig(Config config) {
        Optional<String> url = config.getOptionalValue(PREFIX + "url", String.class);
        if (url.isEmpty()) {
            return new AttestationServiceConnection(null, PREFIX + "url is not configured");
        }
        try {
            RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(URI.create(url.get()))
                .connectTimeout(config.getOptionalValue(PREFIX + "connectTimeout", Long.class)
                    .orElse(DEFAULT_CONNECT_TIMEOUT_MS), TimeUnit.MILLISECONDS)
                .readTimeout(config.getOptionalValue(PREFIX + "readTimeout", Long.class)
                    .orElse(DEFAULT_READ_TIMEOUT_MS), TimeUnit.MILLISECONDS);
            Optional<String> trustStore = config.getOptionalValue(PREFIX + "trustStore", String.class);
            if (trustStore.isPresent()) {
                builder.trustStore(keyStore(trustStore.get(),
                    config.getOptionalValue(PREFIX + "trustStorePassword", String.class).orElse(""),
                    config.getOptionalValue(PREFIX + "trustStoreType", String.class).orElse("JKS")));
            }
            Optional<String> verifier = config.getOptionalValue(PREFIX + "hostnameVerifier", String.class);
            if (verifier.isPresent()) {
                // The application's class loader: in an EAR this jar sits in lib/ and cannot see the modules' classes.
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                builder.hostnameVerifier((HostnameVerifier) Class.forName(verifier.get(), true,
                    loader != null ? loader : AttestationServiceConnection.class.getClassLoader())
                    .getDeclaredConstructor().newInstance());
            }
            return of(builder.build(AttestationServiceClient.class));
        } catch (IllegalArgumentException | IOException | GeneralSecurityException | ReflectiveOperationException
                 | ClassCastException e) {
            return new AttestationServiceConnection(null, "the attestation service client configuration ("
                + PREFIX + "*) is unusable: " + e);
        } catch (IllegalStateException | LinkageError e) {
            // A server without a MicroProfile Rest Client implementation: releases fail, deployment does not.
            return new AttestationServiceConnection(null, "no MicroProfile Rest Client implementation is available: " + e);
        }
    }

    /** The compact JWS of the host's current trust report. */
    public String signedReport(String akName) throws HostNotEnrolledException, AttestationServiceUnavailableException {
        SignedTrustReport report = call(() -> client.trustReport(akName), akName);
        if (report == null || report.getJws() == null) {
            throw new AttestationServiceUnavailableException("the attestation service answered without a signed report", null);
        }
        return report.getJws();
    }

    /** The service's JWK set, JSON. */
    public String keySet() throws AttestationServiceUnavailableException {
        try {
            return call(client::verificationKeys, null);
        } catch (HostNotEnrolledException e) {
            throw new AttestationServiceUnavailableException("the attestation service has no key set (404)", e);
        }
    }

    private <T> T call(Call<T> call, String akName) throws HostNotEnrolledException, AttestationServiceUnavailableException {
        if (client == null) {
            throw new AttestationServiceUnavailableException(problem, null);
        }
        try {
            return call.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404 && akName != null) {
                throw new HostNotEnrolledException(akName);
            }
            throw new AttestationServiceUnavailableException("the attestation service answered " + status, e);
        } catch (ProcessingException e) {
            // Connection refused, timeouts, TLS failures and unreadable bodies all arrive here.
            throw new AttestationServiceUnavailableException("the attestation service cannot be reached: "
                + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static KeyStore keyStore(String location, String password, String type)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = open(location)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    /** "classpath:x", "file:x" or a plain path, as MicroProfile Rest Client reads its trustStore key. */
    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = AttestationServiceConnection.class.getClassLoader()
                .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""));
            if (in == null) {
                throw new IOException("no trust store at " + location);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location));
    }

    private interface Call<T> {
        T run();
    }
}
