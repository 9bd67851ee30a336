package io.boat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.service.AttestationApi;
import io.boat.agent.service.HttpAttestationApi;
import io.boat.agent.service.ServiceException;
import io.boat.agent.service.TlsFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's HTTPS clients (to BOAT and to the attestation service) against a JDK HttpsServer that
 * requires a client certificate, with a PKI the test generates: --cacert replaces the JDK trust store,
 * --cert/--key present the client certificate, and each missing or wrong piece fails the handshake.
 */
class AgentTlsTest {
    private static final String SECRET = "http-secret-id";
    private static AgentPki pki;
    private static CannedHttpServer server;
    @TempDir
    static Path pkiDir;

    private final StringWriter out = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        pki = AgentPki.create(pkiDir);
        server = pki.server(true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** encrypt-image's payload read: the simplest agent command that talks to BOAT without a TPM. */
    private int encryptImage(Path dir, String... tlsOptions) throws Exception {
        Path plain = Files.write(dir.resolve("plain.img"), new byte[4096]);
        List<String> args = new java.util.ArrayList<>(List.of("encrypt-image", "--os-token", "t",
            "--secret-ref", server.baseUrl() + "/v1/secrets/" + SECRET, "--in", plain.toString(),
            "--out", dir.resolve("image.enc").toString()));
        args.addAll(List.of(tlsOptions));
        return Main.run(new PrintWriter(out), args.toArray(String[]::new));
    }

    private String file(String name) {
        return pki.file(name).toString();
    }

    @Test
    void encryptImage_caBundleAndClientCertificate_mutualTlsSucceedsAndServerSeesTheHost(@TempDir Path dir) throws Exception {
        server.answer(200, "application/octet-stream", new byte[32]);
        int before = server.requests().size();

        int rc = encryptImage(dir, "--cacert", file("ca.pem"), "--cert", file("client.pem"), "--key", file("client.key"));

        assertThat(rc).as(out.toString()).isZero();
        assertThat(dir.resolve("image.enc")).exists();
        assertThat(server.requests().get(before).clientSubject()).isEqualTo(AgentPki.CLIENT_SUBJECT);
    }

    @Test
    void encryptImage_optionsBeforeTheSubcommand_alsoApply(@TempDir Path dir) throws Exception {
        server.answer(200, "application/octet-stream", new byte[32]);
        Path plain = Files.write(dir.resolve("plain.img"), new byte[10]);

        int rc = Main.run(new PrintWriter(out), "--cacert", file("ca.pem"), "--cert", file("client.pem"), "--key",
            file("client.key"), "encrypt-image", "--os-token", "t", "--secret-ref", server.baseUrl() + "/v1/secrets/" + SECRET,
            "--in", plain.toString(), "--out", dir.resolve("image.enc").toString());

        assertThat(rc).as(out.toString()).isZero();
    }

    @Test
    void encryptImage_noClientCertificate_handshakeRefusedAndNothingWritten(@TempDir Path dir) throws Exception {
        int before = server.requests().size();

        int rc = encryptImage(dir, "--cacert", file("ca.pem"));

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (unreachable)");
        assertThat(server.requests()).hasSize(before);
        assertThat(dir.resolve("image.enc")).doesNotExist();
    }

    @Test
    void encryptImage_jdkDefaultTrust_serverCertificateNotTrusted(@TempDir Path dir) throws Exception {
        int rc = encryptImage(dir, "--cert", file("client.pem"), "--key", file("client.key"));

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (unreachable)").contains("SSLHandshakeException");
    }

    @Test
    void encryptImage_caBundleOfAnotherCa_serverCertificateNotTrusted(@TempDir Path dir) throws Exception {
        int rc = encryptImage(dir, "--cacert", file("other-ca.pem"), "--cert", file("client.pem"), "--key", file("client.key"));

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (unreachable)").contains("SSLHandshakeException");
    }

    @Test
    void encryptImage_certificateWithoutKey_refusedAsBadArgument(@TempDir Path dir) throws Exception {
        int rc = encryptImage(dir, "--cacert", file("ca.pem"), "--cert", file("client.pem"));

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (bad_argument): a client certificate needs its key");
    }

    @Test
    void encryptImage_pkcs1Key_refusedWithTheConversionCommand(@TempDir Path dir) throws Exception {
        int rc = encryptImage(dir, "--cacert", file("ca.pem"), "--cert", file("client.pem"), "--key", file("client-pkcs1.key"));

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (bad_argument)").contains("not an unencrypted PKCS#8 PEM key")
            .contains("openssl pkcs8 -topk8").doesNotContain("MII");
    }

    @Test
    void attestationApi_mutualTls_challengeSucceedsAndServerSeesTheHost() {
        server.answerJson(200, "{\"nonce\":\"00ff\",\"pcrs\":[0,1,7]}");
        int before = server.requests().size();
        AttestationApi api = new HttpAttestationApi(server.baseUrl() + "/attestation-service/api",
            new TlsFiles(pki.file("ca.pem"), pki.file("client.pem"), pki.file("client.key")));

        AttestationApi.Challenge c = api.challenge("000b" + "00".repeat(32));

        assertThat(c.pcrs()).containsExactly(0, 1, 7);
        assertThat(c.nonce()).containsExactly(0x00, 0xff);
        assertThat(server.requests().get(before).clientSubject()).isEqualTo(AgentPki.CLIENT_SUBJECT);
        assertThat(server.requests().get(before).path()).endsWith("/v1/hosts/000b" + "00".repeat(32) + "/challenges");
    }

    @Test
    void attestationApi_noClientCertificate_unreachable() {
        AttestationApi api = new HttpAttestationApi(server.baseUrl() + "/attestation-service/api",
            new TlsFiles(pki.file("ca.pem"), null, null));

        assertThatThrownBy(() -> api.challenge("000b" + "00".repeat(32))).isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.code()).isEqualTo("unreachable"));
    }
}
