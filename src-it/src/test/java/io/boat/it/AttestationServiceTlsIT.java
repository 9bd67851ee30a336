package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.boat.kms.release.AkName;
import io.boat.kms.release.AttestationHostReports;
import io.boat.kms.release.AttestationUnavailableException;
import io.boat.kms.release.ReleaseRefusedException;
import io.boat.testing.Swtpm;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS from BOAT to the attestation service: the MicroProfile Rest Client keys trustStore,
 * trustStorePassword, trustStoreType and hostnameVerifier take effect. The server is the JDK's HTTPS
 * server with a certificate keytool makes for this test; it answers every request with the service's
 * 404 for an unknown AK, so a HOST_UNKNOWN refusal proves the TLS handshake succeeded.
 */
class AttestationServiceTlsIT {
    private static final String PASSWORD = "changeit";
    private static final AkName AK = new AkName("000b" + "1".repeat(64));
    private static Path dir;
    private static HttpsServer server;

    /** Accepts any host name: what an operator could name in hostnameVerifier for a lab setup. */
    public static final class AnyHostname implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("boat-att-tls");
        // The certificate names "attestation.example", not 127.0.0.1, so host name checks can be seen to work.
        keytool("-genkeypair", "-alias", "service", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=attestation.example", "-ext", "san=dns:attestation.example",
            "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "service", "-keystore", "server.p12", "-storepass", PASSWORD,
            "-file", "service.pem");
        keytool("-importcert", "-noprompt", "-alias", "service", "-file", "service.pem", "-storetype", "PKCS12",
            "-keystore", "trust.p12", "-storepass", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] body = "{\"code\":404,\"title\":\"Not Found\",\"description\":\"no host is enrolled with this AK\"}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop(0);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Swtpm.run(dir, Map.of(), cmd);
    }

    private static AttestationHostReports reports(Map<String, String> tls) {
        Map<String, String> keys = new HashMap<>(tls);
        keys.put("attestation-service/mp-rest/url", "https://127.0.0.1:" + server.getAddress().getPort()
            + "/attestation-service/api");
        return EnrolledHost.reports(keys, Clock.systemUTC());
    }

    private static Map<String, String> trustStore() {
        return Map.of("attestation-service/mp-rest/trustStore", "file:" + dir.resolve("trust.p12"),
            "attestation-service/mp-rest/trustStorePassword", PASSWORD,
            "attestation-service/mp-rest/trustStoreType", "PKCS12");
    }

    @Test
    void current_trustStoreAndHostnameVerifierConfigured_reachesTheService() {
        Map<String, String> keys = new HashMap<>(trustStore());
        keys.put("attestation-service/mp-rest/hostnameVerifier", AnyHostname.class.getName());

        assertThatThrownBy(() -> reports(keys).current(AK, Duration.ofMinutes(1)))
            .isInstanceOfSatisfying(ReleaseRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(ReleaseRefusedException.Reason.HOST_UNKNOWN));
    }

    @Test
    void current_certificateNotInTheTrustStore_isUnavailable() {
        assertThatThrownBy(() -> reports(Map.of()).current(AK, Duration.ofMinutes(1)))
            .isInstanceOf(AttestationUnavailableException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void current_trustedCertificateForAnotherHostName_isUnavailable() {
        assertThatThrownBy(() -> reports(trustStore()).current(AK, Duration.ofMinutes(1)))
            .isInstanceOf(AttestationUnavailableException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void current_unreadableTrustStore_isUnavailableNamingTheConfiguration() {
        Map<String, String> keys = Map.of("attestation-service/mp-rest/trustStore", "file:" + dir.resolve("missing.p12"));

        assertThatThrownBy(() -> reports(keys).current(AK, Duration.ofMinutes(1)))
            .isInstanceOf(AttestationUnavailableException.class).hasMessageContaining("mp-rest/*) is unusable");
    }
}
