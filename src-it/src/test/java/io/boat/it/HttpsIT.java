package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.testing.Curl;
import io.boat.testing.TestPki;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's HTTPS listener, configured as the README shows (deploy/preboot.sh,
 * deploy/tls.sh), with a PKI the test generates: one server given PEM files and requiring client
 * certificates, one given a PKCS#12 file and only asking for them. curl is the main client (the
 * operator's tool, OpenSSL underneath); Java's HttpClient is the second.
 */
class HttpsIT {

    private static TestPki.TlsFiles pki;
    private static BoatServer need;
    private static BoatServer want;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of(System.getProperty("boat.it.work", "target/it-work"));
        Files.createDirectories(work);
        pki = TestPki.tlsFiles(Files.createTempDirectory(work, "https-pki-"));
        need = BoatServer.h2("https-need");
        need.withEnv("BOAT_TLS_CERT", pki.serverPem().toString()).withEnv("BOAT_TLS_KEY", pki.serverKey().toString())
                .withEnv("BOAT_HTTPS_PORT", String.valueOf(need.httpsPort()))
                .withEnv("BOAT_TLS_CLIENT_AUTH", "need").withEnv("BOAT_TLS_CLIENT_CA", pki.caPem().toString()).start();
        want = BoatServer.h2("https-want");
        want.withEnv("BOAT_TLS_KEYSTORE", pki.serverKeyStore().toString())
                .withEnv("BOAT_TLS_KEYSTORE_PASSWORD", TestPki.PASSWORD)
                .withEnv("BOAT_HTTPS_PORT", String.valueOf(want.httpsPort()))
                .withEnv("BOAT_TLS_CLIENT_AUTH", "want").withEnv("BOAT_TLS_CLIENT_CA", pki.caPem().toString()).start();
    }

    @AfterAll
    static void stop() {
        if (need != null) {
            need.stop();
        }
        if (want != null) {
            want.stop();
        }
    }

    @Test
    void clientAuthNeed_withoutClientCertificate_handshakeRefused() throws Exception {
        Curl.Result tls13 = curl(need, "/v1");
        Curl.Result tls12 = curl(need, "/v1", "--tls-max", "1.2");

        assertThat(tls13.status()).as("%s", tls13).isZero();
        assertThat(tls13.exit()).isNotZero();
        assertThat(tls12.exit()).as("curl exit 35: TLS handshake failed; %s", tls12).isEqualTo(35);
    }

    @Test
    void clientAuthNeed_untrustedClientCertificate_handshakeRefused() throws Exception {
        Curl.Result r = curl(need, "/v1", "--tls-max", "1.2",
                "--cert", pki.untrustedClientPem().toString(), "--key", pki.untrustedClientKey().toString());

        assertThat(r.exit()).as("%s", r).isEqualTo(35);
        assertThat(r.status()).isZero();
    }

    @Test
    void clientAuthNeed_trustedClientCertificate_served() throws Exception {
        Curl.Result versions = curlWithClientCert(need, "/v1");
        Curl.Result discovery = curlWithClientCert(need, "/");

        assertThat(versions.status()).as("%s", versions).isEqualTo(200);
        assertThat(versions.body()).contains("\"v1\"");
        assertThat(discovery.status()).as("Barbican's GET / is 300 Multiple Choices").isEqualTo(300);
    }

    @Test
    void clientAuthWant_withAndWithoutClientCertificate_bothServed() throws Exception {
        assertThat(curl(want, "/v1").status()).isEqualTo(200);
        assertThat(curlWithClientCert(want, "/v1").status()).isEqualTo(200);
    }

    @Test
    void clientCertificate_isTransportOnly_theApiStillNeedsAToken() throws Exception {
        Curl.Result r = curlWithClientCert(need, "/v1/secrets");

        assertThat(r.status()).as("%s", r).isEqualTo(401);
    }

    @Test
    void curl_authenticatedRoundTrip_overHttps() throws Exception {
        Path headers = Files.createTempFile("https-headers", ".txt");
        Curl.Result auth = curl(want, "/v3/auth/tokens", "-D", headers.toString(), "-H", "Content-Type: application/json",
                "--data-binary", Api.passwordAuth("admin", BoatServer.ADMIN_PASSWORD, "admin"));
        assertThat(auth.status()).as("%s", auth).isEqualTo(201);
        String token = header(Files.readString(headers), "X-Subject-Token");

        Curl.Result stored = curl(want, "/v1/secrets", "-H", "X-Auth-Token: " + token,
                "-H", "Content-Type: application/json", "--data-binary",
                "{\"name\":\"over-tls\",\"payload\":\"sent over TLS\",\"payload_content_type\":\"text/plain\"}");
        assertThat(stored.status()).as("%s", stored).isEqualTo(201);
        String ref = stored.body().replaceAll(".*\"secret_ref\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(ref).as("links name the listener the request came in on").startsWith(want.httpsUrl() + "/v1/secrets/");
        String path = ref.substring(ref.indexOf("/v1/"));

        Curl.Result payload = curl(want, path + "/payload", "-H", "X-Auth-Token: " + token, "-H", "Accept: text/plain");
        assertThat(payload.status()).as("%s", payload).isEqualTo(200);
        assertThat(payload.body()).isEqualTo("sent over TLS");
    }

    /** The listener guard (MalformedRequestsIT) is on the TLS listener too, for HTTP/2 streams as for HTTP/1.1. */
    @Test
    void malformedPercentEscape_overHttp2AndHttp11_is400WithJsonError() throws Exception {
        for (String version : new String[] {"--http2", "--http1.1"}) {
            Curl.Result r = curl(want, "/v1/secrets/%zz", version, "-X", "DELETE");
            assertThat(r.status()).as("%s %s", version, r).isEqualTo(400);
            assertThat(r.body()).contains("\"code\":400").contains("percent-encoding");
        }
    }

    @Test
    void tls11_refused_tls12_served() throws Exception {
        // SECLEVEL=0 lets OpenSSL offer TLS 1.1 at all, so a refusal is the server's.
        Curl.Result tls11 = curl(want, "/v1", "--tlsv1.1", "--tls-max", "1.1", "--ciphers", "DEFAULT@SECLEVEL=0");
        Curl.Result tls12 = curl(want, "/v1", "--tlsv1.2", "--tls-max", "1.2");

        assertThat(tls11.exit()).as("%s", tls11).isEqualTo(35);
        assertThat(tls11.status()).isZero();
        assertThat(tls12.status()).as("%s", tls12).isEqualTo(200);
    }

    @Test
    void javaHttpClient_authenticatedRoundTrip_withClientCertificate() throws Exception {
        Api api = new Api(need.httpsUrl(), httpClient(true));
        Api owner = api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));

        String ref = SecretsApiIT.storeKey(owner, "java-over-tls");
        Api.Response payload = owner.get(ref.substring(ref.indexOf("/v1/")) + "/payload",
                "Accept", "application/octet-stream");

        assertThat(ref).startsWith(need.httpsUrl() + "/v1/secrets/");
        assertThat(payload.status()).isEqualTo(200);
        assertThat(payload.body()).isEqualTo(java.util.Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
    }

    @Test
    void javaHttpClient_withoutClientCertificate_refusedWhereNeeded() throws Exception {
        Api api = new Api(need.httpsUrl(), httpClient(false));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.get("/v1"))
                .hasMessageContaining("failed");
        assertThat(new Api(want.httpsUrl(), httpClient(false)).get("/v1").status()).isEqualTo(200);
    }

    @Test
    void httpsListener_bindsLoopbackOnly_andPlainHttpStaysOnByDefault() throws Exception {
        for (BoatServer server : List.of(need, want)) {
            List<InetSocketAddress> https = ListeningSockets.of(server.pid()).stream()
                    .filter(a -> a.getPort() == server.httpsPort()).toList();
            assertThat(https).isNotEmpty().allSatisfy(a ->
                    assertThat(a.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1")));
        }
        assertThat(want.api().get("/").status()).isEqualTo(300);
    }

    private static Curl.Result curl(BoatServer server, String path, String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "--cacert";
        args[1] = pki.caPem().toString();
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = server.httpsUrl() + path;
        return Curl.run(args);
    }

    private static Curl.Result curlWithClientCert(BoatServer server, String path) throws Exception {
        return curl(server, path, "--cert", pki.clientPem().toString(), "--key", pki.clientKey().toString());
    }

    private static String header(String headers, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(\\S+)").matcher(headers);
        assertThat(m.find()).as("%s in %s", name, headers).isTrue();
        return m.group(1);
    }

    /** Java's HttpClient trusting the test CA, presenting the test client certificate if asked to. */
    private static HttpClient httpClient(boolean withClientCertificate) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(pki.trustStore()));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(withClientCertificate ? load(pki.clientKeyStore()) : null, TestPki.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, TestPki.PASSWORD.toCharArray());
        }
        return ks;
    }
}
