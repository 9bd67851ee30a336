package io.boat.attestation.service.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
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
import java.util.Base64;
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
    /** Stands in for the KMS's token-signing key (its public half is what the KMS publishes). */
    private static RSAKey kmsTokenKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path stateDir;
    private String group;

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        Path ca = swtpm.dir().resolve("ca");
        kmsTokenKey = new RSAKeyGenerator(2048).generate();
        Path kmsKeyPem = swtpm.dir().resolve("kms-token-signing-key.pem");
        Files.writeString(kmsKeyPem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
            kmsTokenKey.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        payara = PayaraMicro.start(swtpm.dir(), Map.of("boat.attestation.ek-ca-certificates",
            ca.resolve("issuercert.pem") + "," + ca.resolve("swtpm-localca-rootca-cert.pem"),
            "boat.attestation.operator-token", OPERATOR_TOKEN,
            "boat.attestation.admin-token.public-key", kmsKeyPem.toString()));
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
            .header("Content-Type", "application/json").header("Accept", "application/json");
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
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

    /** An enrolled host in this test's group, trusted by one attestation. */
    private String trustedHost() throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        trustCurrentPcrs(akName);
        agent(0, "attest");
        return akName;
    }

    private JsonObject report(String akName) throws Exception {
        HttpResponse<String> r = send("GET", "v1/trust-reports/" + akName, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).getJsonObject("report");
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
        String akName = trustedHost();

        swtpm.tpm2("tpm2_pcrextend", "16:sha256=" + "02".repeat(32));
        JsonObject attested = agent(2, "attest");

        assertThat(attested.getBoolean("trusted")).isFalse();
        assertThat(attested.getJsonArray("reasons").getString(0)).startsWith("PCR 16 value ");
        assertThat(report(akName).getBoolean("trusted"))
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
    void pathsOutsideTheApi_answerTheJsonErrorWithoutNamingTheServer() throws Exception {
        String root = payara.baseUrl().replace("/attestation-service/api/", "");
        for (String path : List.of("/", "/nothing", "/api/v1/keys", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
                "/attestation-service/", "/attestation-service/WEB-INF/web.xml", "/_boat/error")) {
            for (String method : List.of("GET", "HEAD", "POST")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("%s %s", method, path).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type")).as("%s %s", method, path).hasValue("application/json");
                if (!method.equals("HEAD")) {
                    assertThat(r.body()).as("%s %s", method, path)
                        .isEqualTo("{\"code\":\"http_404\",\"description\":\"Not Found\",\"title\":\"Not Found\"}");
                }
            }
        }
        // A method that a container endpoint does not take: the same JSON shape, the status kept.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/health"))
            .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(json(r).getString("code")).isEqualTo("http_405");
        assertThat(r.body()).doesNotContainIgnoringCase("payara").doesNotContain("<html");
    }

    @Test
    void enrollments_garbageTpmStructure_400SayingWhatIsExpected() throws Exception {
        HttpResponse<String> r = send("POST", "v1/enrollments",
            "{\"ekPublic\":\"AAEACw==\",\"ekCertificate\":\"MIIB\",\"akPublic\":\"AAEACw==\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("code")).isEqualTo("bad_request");
        assertThat(json(r).getString("description")).startsWith("ekPublic is malformed: ")
            .endsWith("(expected an RSA TPMT_PUBLIC or TPM2B_PUBLIC, base64)");
    }

    @Test
    void enrollments_tpm2ToolsEkPub_acceptedAsTpm2bPublic() throws Exception {
        swtpm.tpm2("tpm2_createek", "-c", "ek-it.ctx", "-G", "rsa", "-u", "ek-it.pub");
        swtpm.tpm2("tpm2_flushcontext", "-t");
        byte[] ekPub = Files.readAllBytes(swtpm.dir().resolve("ek-it.pub"));
        String body;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            body = Json.createObjectBuilder().add("ekPublic", b64.encodeToString(ekPub))
                .add("ekCertificate", b64.encodeToString(t.ekCertificate()))
                .add("akPublic", b64.encodeToString(t.createAttestationKey().publicArea())).build().toString();
        }

        HttpResponse<String> r = send("POST", "v1/enrollments", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).getString("credentialBlob")).isNotEmpty();
    }

    /** Defect 1: the issue's two unauthenticated requests no longer flip a trusted host. */
    @Test
    void quotes_strangersGarbageQuote_400AndHostStaysTrusted() throws Exception {
        String akName = trustedHost();
        HttpResponse<String> challenge = send("POST", "v1/hosts/" + akName + "/challenges", null, "");
        assertThat(challenge.statusCode()).isEqualTo(201);

        HttpResponse<String> r = send("POST", "v1/hosts/" + akName + "/quotes", "{\"nonce\":\""
            + json(challenge).getString("nonce") + "\",\"attest\":\"AAAA\",\"signature\":\"AAAA\",\"pcrs\":{\"0\":\""
            + "00".repeat(32) + "\"}}", "");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("description")).startsWith("attest is malformed");
        assertThat(report(akName).getBoolean("trusted"))
            .isTrue();
    }

    /** Defect 1: a well-formed quote signed by another key is refused and changes nothing either. */
    @Test
    void quotes_quoteByAnotherAk_403AndHostStaysTrusted() throws Exception {
        String akName = trustedHost();
        AttestationApi api = new HttpAttestationApi(payara.baseUrl());
        AttestationApi.Challenge c = api.challenge(akName);
        AgentTpm.Signed q;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            q = t.quote(t.createAttestationKey(), c.nonce(), c.pcrs());
        }

        assertThatThrownBy(() -> api.submitQuote(akName, c.nonce(), q.attest(), q.signature(), q.pcrValues()))
            .isInstanceOf(ServiceException.class)
            .satisfies(e -> assertThat(((ServiceException) e).code()).isEqualTo("quote_refused"));
        assertThat(report(akName).getBoolean("trusted"))
            .isTrue();
    }

    /** Defect 2: an operator's policy change shows in the very next report, with the policy version. */
    @Test
    void trustReports_afterReferenceValuesReplaced_untrustedAtOnceNamingNewPolicyVersion() throws Exception {
        String akName = trustedHost();
        JsonObject before = report(akName);

        assertThat(send("PUT", "v1/host-groups/" + group + "/reference-values",
            "{\"pcrs\":{\"16\":[\"" + "ee".repeat(32) + "\"]}}").statusCode()).isEqualTo(204);

        JsonObject after = report(akName);
        assertThat(before.getBoolean("trusted")).isTrue();
        assertThat(after.getBoolean("trusted")).isFalse();
        assertThat(after.getJsonArray("reasons").getString(0)).startsWith("PCR 16 value ");
        assertThat(after.getString("policyVersion")).startsWith("sha256:").isNotEqualTo(before.getString("policyVersion"));
    }

    /** Defect 3: a bind-key registration must answer a nonce the service issued. */
    @Test
    void bindKey_nonceNeverIssued_403BindKeyRefusedAndBindKeyUnchanged() throws Exception {
        JsonObject enrolled = agent(0, "enroll");
        String akName = enrolled.getString("akName");
        KeyBlob ak = new KeyBlob(Files.readAllBytes(stateDir.resolve("ak.pub")), Files.readAllBytes(stateDir.resolve("ak.priv")));
        byte[] madeUp = new byte[32];
        AgentTpm.Signed cert;
        KeyBlob other;
        try (AgentTpm t = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()))) {
            other = t.createBindKey(io.boat.agent.tpm.Templates.BIND_KEY_ATTRIBUTES);
            cert = t.certify(other, ak, madeUp);
        }
        AttestationApi api = new HttpAttestationApi(payara.baseUrl());

        assertThatThrownBy(() -> api.registerBindKey(akName, madeUp, other.publicArea(), cert.attest(), cert.signature()))
            .isInstanceOf(ServiceException.class)
            .satisfies(e -> assertThat(((ServiceException) e).code()).isEqualTo("bind_key_refused"));
        assertThat(report(akName).getString("bindKeyName"))
            .isEqualTo(enrolled.getString("bindKeyName"));
    }

    @Test
    void bindKey_withoutNonce_400NamingTheField() throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        HttpResponse<String> r = send("PUT", "v1/hosts/" + akName + "/bind-key",
            "{\"bindPublic\":\"AAAA\",\"certifyInfo\":\"AAAA\",\"signature\":\"AAAA\"}", "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("description")).isEqualTo("nonce must be 32 bytes of hex");
    }

    @Test
    void challenges_beyondOutstandingLimit_429() throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        for (int i = 0; i < 4; i++) {
            assertThat(send("POST", "v1/hosts/" + akName + "/challenges", null, "").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> r = send("POST", "v1/hosts/" + akName + "/challenges", null, "");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).getString("code")).isEqualTo("too_many_challenges");
    }

    @Test
    void attributes_kmsAdminToken_accepted() throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        HttpResponse<String> r = sendWithHeader("PUT", "v1/hosts/" + akName + "/attributes",
            "{\"location\":\"dc2\"}", "X-Auth-Token", kmsToken(List.of("admin"), 300));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(report(akName).getString("location"))
            .isEqualTo("dc2");
    }

    @Test
    void attributes_kmsTokenWithoutAdminRole_401WithWwwAuthenticate() throws Exception {
        HttpResponse<String> r = setLocationWith("X-Auth-Token", kmsToken(List.of("member"), 300));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"boat-attestation\"");
    }

    @Test
    void attributes_expiredKmsAdminToken_401() throws Exception {
        HttpResponse<String> r = setLocationWith("Authorization", "Bearer " + kmsToken(List.of("admin"), -60));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    /** A token in the KMS's layout (TokenService: iss "boat", roles in "groups"), signed with the stand-in key. */
    private static String kmsToken(List<String> roles, int secondsValid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("token-signing-rs256").build(),
            new JWTClaimsSet.Builder().issuer("boat").subject("u1").claim("upn", "admin").claim("groups", roles)
                .issueTime(new java.util.Date()).expirationTime(new java.util.Date(System.currentTimeMillis()
                    + secondsValid * 1000L)).build());
        jwt.sign(new RSASSASigner(kmsTokenKey));
        return jwt.serialize();
    }

    /** Operator call (set a new host's location) with one credential header. */
    private HttpResponse<String> setLocationWith(String header, String value) throws Exception {
        String akName = agent(0, "enroll").getString("akName");
        return sendWithHeader("PUT", "v1/hosts/" + akName + "/attributes", "{\"location\":\"dc2\"}", header, value);
    }

    private HttpResponse<String> sendWithHeader(String method, String path, String json, String header, String value)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(payara.baseUrl() + path)).header(header, value)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"boat-attestation\"");
    }

    /** The served document covers every JAX-RS operation with its statuses, schemas and security. */
    @Test
    void openApi_document_describesEveryOperationErrorsSchemasAndOperatorSecurity() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(payara.baseUrl().replace(
            "/attestation-service/api/", "/openapi"))).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject doc = json(r);
        JsonObject paths = doc.getJsonObject("paths");
        JsonObject components = doc.getJsonObject("components");

        for (Class<?> resource : List.of(EnrollmentResource.class, HostResource.class, ReferenceValueResource.class,
                TrustReportResource.class)) {
            for (java.lang.reflect.Method m : resource.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                String path = "/attestation-service/api" + resource.getAnnotation(jakarta.ws.rs.Path.class).value()
                    + (m.isAnnotationPresent(jakarta.ws.rs.Path.class) ? m.getAnnotation(jakarta.ws.rs.Path.class).value() : "");
                assertThat(paths.containsKey(path)).as("path %s in %s", path, paths.keySet()).isTrue();
                JsonObject op = paths.getJsonObject(path).getJsonObject(verb);
                assertThat(op).as("%s %s", verb, path).isNotNull();
                JsonObject responses = op.getJsonObject("responses");
                assertThat(responses.keySet()).as("%s %s", verb, path).anyMatch(code -> code.startsWith("2"));
                for (String code : responses.keySet()) {
                    if (code.startsWith("4")) {
                        JsonObject resp = resolve(doc, responses.getJsonObject(code));
                        assertThat(resp.getJsonObject("content").getJsonObject("application/json")
                            .getJsonObject("schema").getString("$ref")).as("%s %s %s", verb, path, code)
                            .isEqualTo("#/components/schemas/Error");
                    }
                }
                boolean operator = m.isAnnotationPresent(OperatorOnly.class);
                assertThat(op.containsKey("security")).as("security of %s %s", verb, path).isEqualTo(operator);
                if (operator) {
                    assertThat(op.getJsonArray("security").toString()).contains("operatorToken").contains("boatAdminToken");
                    assertThat(resolve(doc, responses.getJsonObject("401")).getJsonObject("headers").keySet())
                        .contains("WWW-Authenticate");
                }
            }
        }
        assertThat(components.getJsonObject("schemas").keySet()).contains("Error", "EnrollmentRequest",
            "EnrollmentResponse", "BindKeyRequest", "ChallengeResponse", "QuoteRequest", "SignedTrustReport",
            "TrustReport", "JwkSet", "ReferenceValuesRequest");
        assertThat(components.getJsonObject("schemas").getJsonObject("TrustReport").getJsonObject("properties")
            .keySet()).contains("trusted", "reasons", "policyVersion", "bindPublicKey", "expiresAt");
        assertThat(components.getJsonObject("schemas").getJsonObject("BindKeyRequest").getJsonArray("required")
            .toString()).contains("nonce");
        assertThat(components.getJsonObject("securitySchemes").getJsonObject("operatorToken").getString("scheme"))
            .isEqualTo("bearer");
    }

    private static String httpMethod(java.lang.reflect.Method m) {
        for (Class<? extends java.lang.annotation.Annotation> a : List.of(jakarta.ws.rs.GET.class,
                jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.DELETE.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** Follows a local "$ref" (#/components/...) once. */
    private static JsonObject resolve(JsonObject doc, JsonObject maybeRef) {
        if (!maybeRef.containsKey("$ref")) {
            return maybeRef;
        }
        JsonObject at = doc;
        for (String part : maybeRef.getString("$ref").substring(2).split("/")) {
            at = at.getJsonObject(part);
        }
        return at;
    }
}
