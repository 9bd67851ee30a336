package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on a full server (subclasses pick the server), started once from a fresh unzip and then
 * operated as an operator would with the deploy scripts, never deleting the domain in between.
 * First the smoke test: version discovery, a Keystone password token, a stored key read back byte
 * for byte, a generated key order that becomes ACTIVE, 401 without a token, the token as
 * {@code Authorization: Bearer}. Then the attested release, with the EAR's BOAT pointed at the
 * attestation-service WAR on Payara Micro and a swtpm host the agent enrolled ({@link EnrolledHost}):
 * refusals (403, 401 unknown host), a release the host's TPM unwraps to the key, and 500 once the
 * service is gone. Then the operations: only loopback listeners, a second start while running, five
 * restarts keeping every secret byte-exact, a start on a busy port, a start whose deployment fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EarServerTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final byte[] KEY = Base64.getDecoder().decode("RwuBgu6vnzM8VBb7JFJ1Kwrd871cTgw2QFIFW07ZuUk=");
    /** An AK name no attestation service knows. */
    private static final String UNKNOWN_AK = "000b" + "5a".repeat(32);

    EnrolledHost host;
    EarServer server;
    Api api;
    String token;
    String secretRef;

    abstract EarServer.Kind kind();

    @BeforeAll
    void start() throws Exception {
        server = EarServer.of(kind());
        host = EnrolledHost.start();
        host.loadBindKeyForTpm2Tools();
        // The environment spelling of attestation-service/mp-rest/url: no file of the server to edit.
        server.withEnvironment(Map.of("ATTESTATION_SERVICE_MP_REST_URL", host.serviceUrl()));
        server.resetAndStart();
        api = server.api();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }

    @Test
    @Order(1)
    void versionDiscovery_300() {
        Api.Response r = api.get("/");
        assertThat(r.status()).as(r.toString()).isEqualTo(300);
        assertThat(r.json().getJsonObject("versions").getJsonArray("values")).isNotEmpty();
    }

    @Test
    @Order(2)
    void passwordToken_201WithSubjectToken() {
        Api.Response r = api.postJson("/v3/auth/tokens", Api.passwordAuth("admin", EarServer.ADMIN_PASSWORD, "admin"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        token = r.header("X-Subject-Token");
        assertThat(token).isNotBlank();
        assertThat(r.json().getJsonObject("token").getJsonObject("project").getString("name")).isEqualTo("admin");
    }

    @Test
    @Order(3)
    void storeKey_201_payloadExactBytes() {
        secretRef = storeKey(token, "ear-smoke", KEY);
        assertThat(secretRef).startsWith(server.baseUrl() + "/v1/secrets/");

        Api.Response payload = api.withToken(token).get(secretRef + "/payload", "Accept", "application/octet-stream");
        assertThat(payload.status()).as(payload.toString()).isEqualTo(200);
        assertThat(payload.body()).isEqualTo(KEY);
    }

    @Test
    @Order(4)
    void order_202_becomesActive() throws InterruptedException {
        Api.Response r = api.withToken(token).postJson("/v1/orders",
                "{\"type\":\"key\",\"meta\":{\"name\":\"ear-order\",\"algorithm\":\"aes\",\"bit_length\":256,"
                        + "\"mode\":\"cbc\",\"payload_content_type\":\"application/octet-stream\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonObject order = Orders.awaitDone(api.withToken(token), r.json().getString("order_ref"));
        assertThat(order.getString("status")).as(order.toString()).isEqualTo("ACTIVE");
        Api.Response key = api.withToken(token).get(order.getString("secret_ref") + "/payload",
                "Accept", "application/octet-stream");
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat(key.body()).hasSize(32);
    }

    @Test
    @Order(4)
    void releasePolicy_attestationRequired_403WithoutAkHeader_unknownHostRefused_audited() {
        Api owner = api.withToken(token);
        String ref = storeKey(token, "ear-release", KEY);
        Api.Response put = owner.putJson(ref + "/release-policy", "{\"attestation_required\":true}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        Api.Response refused = owner.get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("reason")).isEqualTo("attestation_required");
        Api.Response unknown = owner.get(ref + "/payload", "X-BOAT-AK-Name", UNKNOWN_AK);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(401);
        assertThat(unknown.json().getString("reason")).isEqualTo("host_unknown");
        assertThat(owner.get("/v1/release-events?secret_id=" + id(ref)).json().getInt("total")).isEqualTo(3);
    }

    @Test
    @Order(5)
    void attestedRelease_trustedHost_jweAndRawUnwrapInTheTpmToTheKey() throws Exception {
        Api owner = api.withToken(token);
        String ref = storeKey(token, "ear-attested", KEY);
        assertThat(owner.putJson(ref + "/release-policy", "{\"attestation_required\":true,\"host_groups\":[\""
                + EnrolledHost.HOST_GROUP + "\"],\"max_report_age\":600}").status()).isEqualTo(200);
        // The report of the fixture's first attest may be older than the server's start took.
        assertThat(host.attest().getBoolean("trusted")).isTrue();

        Api.Response jwe = owner.get(ref + "/payload", "X-BOAT-AK-Name", host.akName(), "Accept", "application/jose");
        assertThat(jwe.status()).as(jwe.toString()).isEqualTo(200);
        assertThat(jwe.header("Content-Type")).startsWith("application/jose");
        assertThat(host.unwrapJwe(jwe.text())).isEqualTo(KEY);
        Api.Response raw = owner.get(ref + "/payload", "X-BOAT-AK-Name", host.akName(), "Accept", "application/octet-stream");
        assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
        assertThat(host.unwrap(raw.body(), "TPM2".getBytes(StandardCharsets.US_ASCII))).isEqualTo(KEY);

        JsonObject events = owner.get("/v1/release-events?secret_id=" + id(ref)).json();
        assertThat(events.getJsonArray("release_events")).extracting(e -> e.asJsonObject().getString("decision"))
                .containsExactly("released", "released", "policy_set");
        assertThat(events.getJsonArray("release_events").getJsonObject(0).getString("ak_name")).isEqualTo(host.akName());
    }

    @Test
    @Order(6)
    void attestedRelease_attestationServiceStopped_500AttestationUnavailable() throws Exception {
        Api owner = api.withToken(token);
        String ref = storeKey(token, "ear-unavailable", KEY);
        owner.putJson(ref + "/release-policy", "{\"attestation_required\":true}");
        host.stopService();

        // An AK BOAT has no cached report for, so the release has to ask the stopped service.
        Api.Response r = owner.get(ref + "/payload", "X-BOAT-AK-Name", UNKNOWN_AK);

        assertThat(r.status()).as(r.toString()).isEqualTo(500);
        assertThat(r.json().getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(r.text()).doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    @Order(7)
    void noToken_401() {
        Api.Response r = api.get("/v1/secrets");
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(api.get(secretRef + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void bearerToken_works() {
        Api.Response r = api.get(secretRef + "/payload", "Accept", "application/octet-stream",
                "Authorization", "Bearer " + token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(KEY);
        assertThat(api.get("/v1/secrets", "Authorization", "Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void listeningSockets_allOn127001() {
        List<InetSocketAddress> sockets = ListeningSockets.of(server.pid());
        System.out.printf("%s listens on %s%n", kind(), sockets);
        assertThat(sockets).extracting(InetSocketAddress::getPort).contains(server.httpPort(), server.otherPort());
        assertThat(sockets).allSatisfy(s -> assertThat(s.getAddress().getHostAddress()).as(s.toString())
                .isEqualTo("127.0.0.1"));
    }

    @Test
    @Order(10)
    void secondStart_whileRunning_exits0AndLeavesServerHealthy() {
        long pid = server.pid();

        EarServer.Run second = server.runStart();

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("already running");
        assertThat(server.pid()).isEqualTo(pid);
        assertThat(api.get("/").status()).isEqualTo(300);
        assertThat(readPayload(secretRef, freshToken())).isEqualTo(KEY);
    }

    @Test
    @Order(11)
    void restartFiveTimes_everySecretReadBackByteExact() {
        Map<String, byte[]> written = new LinkedHashMap<>();
        written.put(secretRef, KEY);
        for (int round = 1; round <= 5; round++) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            written.put(storeKey(freshToken(), "ear-restart-" + round, key), key);
            long pid = server.pid();

            EarServer.Run stop = server.stop();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("server process after stop").isEmpty();
            server.start();
            System.out.printf("%s restart %d: stop %d ms, start %d ms%n", kind(), round, stop.millis(), server.startMillis());

            String token = freshToken();
            written.forEach((ref, bytes) -> assertThat(readPayload(ref, token)).as(ref).isEqualTo(bytes));
        }
    }

    @Test
    @Order(12)
    void startOnBusyPort_failsNamingThePortAndStartsNothing() throws IOException {
        server.stop();
        try (ServerSocket busy = new ServerSocket(server.otherPort(), 1, InetAddress.getLoopbackAddress())) {
            EarServer.Run run = server.runStart();

            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output()).contains("port " + busy.getLocalPort() + " ");
            assertThat(ListeningSockets.onPort(server.httpPort())).as("listeners on the HTTP port").isEmpty();
        }
    }

    @Test
    @Order(13)
    void failedDeployment_exitsNonZeroStopsTheServer_nextStartRecovers() throws IOException {
        Path broken = Files.write(server.workDir().resolve("broken.ear"), "not a zip".getBytes(StandardCharsets.US_ASCII));

        EarServer.Run run = server.runStart(broken);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("start failed: stopping what it launched");
        assertThat(ListeningSockets.onPort(server.httpPort())).as("listeners on the HTTP port").isEmpty();
        assertThat(ListeningSockets.onPort(server.otherPort())).as("listeners on " + server.otherPort()).isEmpty();

        server.start();
        assertThat(readPayload(secretRef, freshToken())).isEqualTo(KEY);
    }

    private static String id(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private String freshToken() {
        return api.token("admin", EarServer.ADMIN_PASSWORD, "admin");
    }

    private String storeKey(String token, String name, byte[] key) {
        Api.Response r = api.withToken(token).postJson("/v1/secrets", "{\"name\":\"" + name + "\",\"secret_type\":\"symmetric\","
                + "\"algorithm\":\"aes\",\"bit_length\":256,\"mode\":\"cbc\",\"payload\":\""
                + Base64.getEncoder().encodeToString(key) + "\",\"payload_content_type\":\"application/octet-stream\","
                + "\"payload_content_encoding\":\"base64\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getString("secret_ref");
    }

    private byte[] readPayload(String ref, String token) {
        Api.Response r = api.withToken(token).get(ref + "/payload", "Accept", "application/octet-stream");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }
}
