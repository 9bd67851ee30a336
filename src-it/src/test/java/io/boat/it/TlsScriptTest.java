package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.testing.TestPki;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/tls.sh, the settings surface of HTTPS, run as boat.sh and attestation.sh run it: what it
 * writes for Payara and for BOAT's Rest Client, and how it refuses settings that cannot work.
 */
class TlsScriptTest {

    private static final Path TLS_SH = Path.of(System.getProperty("boat.deploy.dir", "../deploy"), "tls.sh");
    private static final String PREFIX = "configs.config.server-config.network-config.";

    @TempDir
    static Path dir;
    private static TestPki.TlsFiles pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.tlsFiles(dir.resolve("pki"));
    }

    private record Run(int exit, String out, String err) {
    }

    @Test
    void pemCertificate_needClientAuth_writesListenerKeyStoreAndClientCaTrustStore() throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        Run r = run("tls_https_preboot BOAT \"$HOME_DIR\" 9443", Map.of("HOME_DIR", home.toString(),
                "BOAT_TLS_CERT", pki.serverPem().toString(), "BOAT_TLS_KEY", pki.serverKey().toString(),
                "BOAT_TLS_CLIENT_AUTH", "need", "BOAT_TLS_CLIENT_CA", pki.caPem().toString(),
                "BOAT_HTTPS_PORT", "19443"));

        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> set = settings(r.out());
        assertThat(set).containsEntry(PREFIX + "network-listeners.network-listener.https-listener.enabled", "true")
                .containsEntry(PREFIX + "network-listeners.network-listener.https-listener.address", "127.0.0.1")
                .containsEntry(PREFIX + "network-listeners.network-listener.https-listener.port", "19443")
                .containsEntry(PREFIX + "protocols.protocol.https-listener.ssl.client-auth", "need")
                .containsEntry(PREFIX + "protocols.protocol.https-listener.ssl.cert-nickname", "boat");
        KeyStore listener = load(set.get(PREFIX + "protocols.protocol.https-listener.ssl.key-store"),
                set.get(PREFIX + "protocols.protocol.https-listener.ssl.key-store-password"));
        assertThat(listener.getCertificate("boat")).isEqualTo(certificate(pki.serverPem()));
        KeyStore clientCas = load(set.get(PREFIX + "protocols.protocol.https-listener.ssl.trust-store"),
                set.get(PREFIX + "protocols.protocol.https-listener.ssl.trust-store-password"));
        assertThat(Collections.list(clientCas.aliases())).hasSize(1);
        assertThat(clientCas.getCertificate(clientCas.aliases().nextElement())).isEqualTo(certificate(pki.caPem()));
        assertThat(r.out()).as("passwords are set while the boot log is quiet")
                .containsSubsequence("BootCommand=WARNING", "key-store-password=", "trust-store-password=", "BootCommand=INFO");
    }

    @Test
    void pkcs12KeyStore_usedInPlaceUnderItsOwnAlias_andHttpOffDisablesPlainListener() throws Exception {
        Run r = run("tls_https_preboot BOAT_ATTESTATION /nonexistent 9444", Map.of(
                "BOAT_ATTESTATION_TLS_KEYSTORE", pki.serverKeyStore().toString(),
                "BOAT_ATTESTATION_TLS_KEYSTORE_PASSWORD", TestPki.PASSWORD, "BOAT_ATTESTATION_HTTP", "off"));

        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> set = settings(r.out());
        assertThat(set).containsEntry(PREFIX + "protocols.protocol.https-listener.ssl.key-store",
                        pki.serverKeyStore().toRealPath().toString())
                .containsEntry(PREFIX + "protocols.protocol.https-listener.ssl.cert-nickname", "server")
                .containsEntry(PREFIX + "network-listeners.network-listener.https-listener.port", "9444")
                .containsEntry(PREFIX + "network-listeners.network-listener.http-listener.enabled", "false")
                .doesNotContainKey(PREFIX + "protocols.protocol.https-listener.ssl.client-auth");
    }

    @Test
    void nothingConfigured_printsNothing() throws Exception {
        Run r = run("tls_https_preboot BOAT /nonexistent 9443", Map.of());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusals_nameTheSettingToFix() throws Exception {
        String cert = pki.serverPem().toString();
        String key = pki.serverKey().toString();
        assertRefused(Map.of("BOAT_TLS_CERT", cert), "BOAT_TLS_KEY");
        assertRefused(Map.of("BOAT_TLS_CERT", cert, "BOAT_TLS_KEY", pki.clientKey().toString()), "does the key match");
        assertRefused(Map.of("BOAT_TLS_CERT", cert, "BOAT_TLS_KEY", key, "BOAT_TLS_CLIENT_AUTH", "need"), "BOAT_TLS_CLIENT_CA");
        assertRefused(Map.of("BOAT_TLS_CERT", cert, "BOAT_TLS_KEY", key, "BOAT_TLS_CLIENT_AUTH", "sometimes"),
                "sometimes is not one of none, want, need");
        assertRefused(Map.of("BOAT_TLS_CERT", cert, "BOAT_TLS_KEY", key, "BOAT_HTTP", "maybe"), "maybe is not on or off");
        assertRefused(Map.of("BOAT_HTTP", "off"), "BOAT_HTTP=off needs HTTPS");
        assertRefused(Map.of("BOAT_TLS_KEYSTORE", pki.serverKeyStore().toString(), "BOAT_TLS_KEYSTORE_PASSWORD", "wrong"),
                "no key entry found");
        assertRefused(Map.of("BOAT_TLS_CERT", cert, "BOAT_TLS_KEY", key, "BOAT_TLS_CLIENT_AUTH", "want",
                "BOAT_TLS_CLIENT_CA", key), "is not a readable PEM certificate file");
    }

    @Test
    void attestationServiceCa_becomesRestClientTrustStoreInTheEnvironment() throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        Run r = run("tls_attestation_client \"$HOME_DIR\"; env | grep '^ATTESTATION_SERVICE_MP_REST_' | sort",
                Map.of("HOME_DIR", home.toString(), "BOAT_ATTESTATION_SERVICE_CA", pki.caPem().toString(),
                        "BOAT_ATTESTATION_SERVICE_KEYSTORE", pki.clientKeyStore().toString(),
                        "BOAT_ATTESTATION_SERVICE_KEYSTORE_PASSWORD", TestPki.PASSWORD));

        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> env = settings(r.out().lines().map(l -> "set " + l).collect(Collectors.joining("\n")));
        assertThat(env).containsEntry("ATTESTATION_SERVICE_MP_REST_TRUSTSTORETYPE", "PKCS12")
                .containsEntry("ATTESTATION_SERVICE_MP_REST_KEYSTORE", "file:" + pki.clientKeyStore().toRealPath())
                .containsEntry("ATTESTATION_SERVICE_MP_REST_KEYSTOREPASSWORD", TestPki.PASSWORD)
                .containsEntry("ATTESTATION_SERVICE_MP_REST_KEYSTORETYPE", "PKCS12");
        KeyStore trust = load(env.get("ATTESTATION_SERVICE_MP_REST_TRUSTSTORE").substring("file:".length()),
                env.get("ATTESTATION_SERVICE_MP_REST_TRUSTSTOREPASSWORD"));
        assertThat(trust.getCertificate(trust.aliases().nextElement())).isEqualTo(certificate(pki.caPem()));
    }

    private static void assertRefused(Map<String, String> env, String message) throws Exception {
        Run r = run("tls_https_preboot BOAT \"$HOME_DIR\" 9443",
                with(env, "HOME_DIR", Files.createTempDirectory(dir, "home").toString()));
        assertThat(r.exit()).as("%s: %s", env, r.out()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).doesNotContain("https-listener.enabled=true");
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> all = new HashMap<>(env);
        all.put(name, value);
        return all;
    }

    private static Run run(String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail; . \"$TLS_SH\"; " + script);
        pb.environment().keySet().removeIf(k -> k.startsWith("BOAT_") || k.startsWith("ATTESTATION_SERVICE_"));
        pb.environment().putAll(env);
        pb.environment().put("TLS_SH", TLS_SH.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    /** "set name=value" lines as a map (later lines win). */
    private static Map<String, String> settings(String commands) {
        Map<String, String> set = new HashMap<>();
        for (String line : commands.lines().filter(l -> l.startsWith("set ")).toList()) {
            String assignment = line.substring(4);
            int eq = assignment.indexOf('=');
            set.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        return set;
    }

    private static KeyStore load(String file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static java.security.cert.Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
