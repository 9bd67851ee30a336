package io.boat.attestation.service.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.boat.agent.Main;
import io.boat.agent.service.AttestationApi;
import io.boat.agent.service.HttpAttestationApi;
import io.boat.agent.service.ServiceException;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.TpmAddress;
import io.boat.attestation.service.testsupport.PayaraMicro;
import io.boat.testing.Swtpm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real agent CLI against the attestation-service WAR on Payara Micro and a real swtpm
 * with an EK certificate from a local swtpm_localca. Each test enrolls its own host into its own group.
 */
class AttestationServicePayaraIT {
    private static final String OPERATOR_TOKEN = UUID.randomUUID().toString();
    private static final List<Integer> PCRS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 16);
    private static Swtpm swtpm;
    private static PayaraMicro payara;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path stateDir;
    private String group;

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        Path ca = swtpm.dir().resolve("ca");
        payara = PayaraMicro.start(swtpm.dir(), Map.of("boat.attestation.ek-ca-certificates",
            ca.resolve("issuercert.pem") + "," + ca.resolve("swtpm-localca-rootca-cert.pem"),
            "boat.attestation.operator-token", OPERATOR_TOKEN));
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @BeforeEach
    void newHost() throws Exception {
        stateDir = Files.createTempDirectory(swtpm.dir(), "agent");
        group = "group-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonObject agent(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 7];
        System.arraycopy(new String[] {"--tpm", swtpm.agentTpmOption(), "--service", payara.baseUrl(), "--state-dir",
            stateDir.toString(), "--json"}, 0, all, 0, 7);
        System.arraycopy(args, 0, all, 7, args.length);
        int rc = Main.run(new PrintWriter(out), all);
        assertThat(rc).as("agent output: %s", out).isEqualTo(expectedExit);
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, OPERATOR_TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(payara.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** Operator: put the host in this test's group whose reference values are the swtpm's current PCRs. */
    private void trustCurrentPcrs(String akName) throws Exception {
        Map<Integer, byte[]> now;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            now = t.readPcrs(PCRS.stream().mapToInt(i -> i).toArray());
        }
        String pcrs = now.entrySet().stream().map(e -> "\"" + e.getKey() + "\":[\"" + HexFormat.of().formatHex(e.getValue())
            + "\"]").collect(Collectors.joining(","));
        assertThat(send("PUT", "v1/host-groups/" + group + "/reference-values", "{\"pcrs\":{" + pcrs + "}}").statusCode())
            .isEqualTo(204);
        assertThat(send("PUT", "v1/hosts/" + akName + "/attributes",
            "{\"hostGroup\":\"" + group + "\",\"location\":\"dc1/rack-7\",\"assetTag\":\"A-1\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void agentCli_enrollThenAttest_hostIsTrustedAndSignedReportVerifies() throws Exception {
        JsonObject enrolled = agent(0, "enroll");
        String akName = enrolled.getString("akName");
        trustCurrentPcrs(akName);

        JsonObject attested = agent(0, "attest");

        assertThat(attested.getBoolean("trusted")).isTrue();
        assertThat(attested.getJsonArray("pcrs")).hasSize(PCRS.size());
        HttpResponse<String> report = send("GET", "v1/trust-reports/" + akName, null);
        assertThat(report.statusCode()).isEqualTo(200);
        JsonObject body = json(report);
        assertThat(body.getJsonObject("report").getBoolean("trusted")).isTrue();
        assertThat(body.getJsonObject("report").getString("location")).isEqualTo("dc1/rack-7");
        assertThat(body.getJsonObject("report").getString("bindKeyName")).isEqualTo(enrolled.getString("bindKeyName"));
        SignedJWT jwt = SignedJWT.parse(body.getString("jws"));
        RSAKey key = (RSAKey) JWKSet.parse(send("GET", "v1/keys", null).body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(akName);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("assetTag")).isEqualTo("A-1");
    }

    @Test
    void agentCli_pcrExtendedAfterEnrollment_attestIsUntrustedNamingPcr() throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        trustCurrentPcrs(akName);
        agent(0, "attest");

        swtpm.tpm2("tpm2_pcrextend", "16:sha256=" + "02".repeat(32));
        JsonObject attested = agent(2, "attest");

        assertThat(attested.getBoolean("trusted")).isFalse();
        assertThat(attested.getJsonArray("reasons").getString(0)).startsWith("PCR 16 value ");
        assertThat(json(send("GET", "v1/trust-reports/" + akName, null)).getJsonObject("report").getBoolean("trusted"))
            .isFalse();
    }

    @Test
    void quotes_replayedNonce_refusedWith403JsonError() throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        KeyBlob ak = new KeyBlob(Files.readAllBytes(stateDir.resolve("ak.pub")), Files.readAllBytes(stateDir.resolve("ak.priv")));
        AttestationApi api = new HttpAttestationApi(payara.baseUrl());
        AttestationApi.Challenge c = api.challenge(akName);
        AgentTpm.Signed q;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            q = t.quote(ak, c.nonce(), c.pcrs());
        }
        api.submitQuote(akName, c.nonce(), q.attest(), q.signature(), q.pcrValues());

        assertThatThrownBy(() -> api.submitQuote(akName, c.nonce(), q.attest(), q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class)
            .satisfies(e -> {
                assertThat(((ServiceException) e).status()).isEqualTo(403);
                assertThat(((ServiceException) e).code()).isEqualTo("nonce_refused");
            });
    }

    @Test
    void activation_wrongAnswer_refusedWith403AndAkStaysUntrusted() throws Exception {
        AttestationApi api = new HttpAttestationApi(payara.baseUrl());
        AttestationApi.EnrollChallenge c;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            KeyBlob ak = t.createAttestationKey();
            c = api.enroll(t.endorsementKey(), t.ekCertificate(), ak.publicArea(), "wrong-answer-host");
        }

        assertThatThrownBy(() -> api.activate(c.hostId(), new byte[32])).isInstanceOf(ServiceException.class)
            .satisfies(e -> assertThat(((ServiceException) e).code()).isEqualTo("activation_refused"));
        JsonObject report = json(send("GET", "v1/trust-reports/" + c.akName(), null)).getJsonObject("report");
        assertThat(report.getBoolean("trusted")).isFalse();
        assertThat(report.getJsonArray("reasons").getString(0)).isEqualTo("AK credential activation failed");
    }

    @Test
    void enrollments_invalidBase64_400WithJsonError() throws Exception {
        HttpResponse<String> r = send("POST", "v1/enrollments", "{\"ekPublic\":\"%%%\",\"akPublic\":\"AAAA\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("code")).isEqualTo("bad_request");
        assertThat(json(r).getString("description")).isEqualTo("ekPublic is not valid base64");
        assertThat(json(r).getString("title")).isEqualTo("Bad request");
    }

    @Test
    void enrollments_malformedJson_400WithJsonErrorAndNoStackTrace() throws Exception {
        HttpResponse<String> r = send("POST", "v1/enrollments", "{\"ekPublic\": [1, ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("code")).isEqualTo("bad_json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void enrollments_garbageTpmStructure_403EnrollmentRefused() throws Exception {
        HttpResponse<String> r = send("POST", "v1/enrollments",
            "{\"ekPublic\":\"AAEACw==\",\"ekCertificate\":\"MIIB\",\"akPublic\":\"AAEACw==\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).getString("code")).isEqualTo("enrollment_refused");
    }

    @Test
    void enrollments_oversizedField_400() throws Exception {
        String big = java.util.Base64.getEncoder().encodeToString(new byte[5000]);
        HttpResponse<String> r = send("POST", "v1/enrollments",
            "{\"ekPublic\":\"" + big + "\",\"ekCertificate\":\"AAAA\",\"akPublic\":\"AAAA\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("description")).isEqualTo("ekPublic exceeds 1024 bytes");
    }

    @Test
    void trustReports_malformedAkName_400() throws Exception {
        HttpResponse<String> r = send("GET", "v1/trust-reports/zz" + "0".repeat(66), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("code")).isEqualTo("bad_request");
    }

    @Test
    void trustReports_unknownAk_404() throws Exception {
        HttpResponse<String> r = send("GET", "v1/trust-reports/000b" + "ab".repeat(32), null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).getString("code")).isEqualTo("unknown_host");
    }

    @Test
    void referenceValues_badHex_400() throws Exception {
        HttpResponse<String> r = send("PUT", "v1/host-groups/g1/reference-values", "{\"pcrs\":{\"0\":[\"xyz\"]}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("description")).isEqualTo("pcrs.0 must be 32 bytes of hex");
    }

    @Test
    void referenceValues_wrongOperatorToken_401AndPolicyUnchanged() throws Exception {
        HttpResponse<String> r = send("PUT", "v1/host-groups/" + group + "/reference-values",
            "{\"pcrs\":{\"0\":[\"" + "00".repeat(32) + "\"]}}", "not-the-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).getString("code")).isEqualTo("unauthorized");
    }

    @Test
    void openApi_document_describesTheRestApi() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(payara.baseUrl().replace(
            "/attestation-service/api/", "/openapi"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/enrollments").contains("/api/v1/hosts/{akName}/quotes")
            .contains("/api/v1/trust-reports/{akName}");
    }
}
