package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.attestation.service.testsupport.PayaraMicro;
import io.boat.kmip.testing.PyKmipServer;
import io.boat.testing.Swtpm;
import io.boat.testing.TestPki;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attested release end to end, with every part real and in the seed's chain: BOAT on Payara Micro
 * keeping its keys in a real PyKMIP server, the attestation service on Payara Micro, three swtpm
 * compute hosts enrolled by the shaded agent jar (one stays trusted, one drifts — a PCR extended after
 * enrollment — and one holds a PCR-bound bind key), and QEMU. The owner encrypts a bootable image with
 * an ordinary payload read, then makes the key releasable only to attested hosts; the trusted host's
 * agent fetches the key wrapped to its TPM, unwraps it there, decrypts the image and boots it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttestedVmBootIT {
    private static final String OPERATOR_TOKEN = UUID.randomUUID().toString();
    private static final String GROUP = "e2e-hosts";
    private static final String PCRS = "0,1,2,3,4,5,6,7";
    /** Bounds a hung build or guest; not a performance assertion. */
    private static final long BOOT_BOUND_SECONDS = 600;

    private static PyKmipServer kmip;
    private static PayaraMicro attestation;
    private static BoatServer boat;
    private static Api owner;
    private static Host trusted;
    private static Host drifted;
    private static Host pcrBound;
    private static Path work;

    @TempDir
    Path dir;

    /** One compute host: its swtpm, the agent's state directory and the AK name it enrolled with. */
    record Host(Swtpm tpm, Path state, String akName) {
        String[] common() {
            return new String[] {"--tpm", tpm.agentTpmOption(), "--state-dir", state.toString(),
                "--service", attestation.baseUrl()};
        }
    }

    @BeforeAll
    static void start() throws Exception {
        PyKmipServer.requireInstalled();
        work = Files.createTempDirectory("boat-e2e");
        kmip = PyKmipServer.start(PyKmipServer.newWorkDir("boat-e2e-kmip"));
        List<Swtpm> tpms = List.of(Swtpm.start(), Swtpm.start(), Swtpm.start());
        String cas = tpms.stream().flatMap(t -> Stream.of(t.dir().resolve("ca/issuercert.pem"),
            t.dir().resolve("ca/swtpm-localca-rootca-cert.pem"))).map(Path::toString).collect(Collectors.joining(","));
        attestation = PayaraMicro.start(work, Map.of("boat.attestation.ek-ca-certificates", cas,
            "boat.attestation.operator-token", OPERATOR_TOKEN));
        boat = BoatServer.kmip("e2e", Map.of(
                "BOAT_KMIP_HOST", "127.0.0.1",
                "BOAT_KMIP_PORT", String.valueOf(kmip.port()),
                "BOAT_KMIP_KEYSTORE", kmip.dir().resolve("client.p12").toString(),
                "BOAT_KMIP_TRUSTSTORE", kmip.dir().resolve("truststore.p12").toString(),
                "BOAT_KMIP_STORE_PASSWORD", TestPki.PASSWORD),
            "-Dattestation-service/mp-rest/url=" + attestation.baseUrl(),
            "-Dattestation-service/mp-rest/readTimeout=3000").start();
        owner = boat.api().withToken(boat.api().token("admin", BoatServer.ADMIN_PASSWORD, "admin"));

        trusted = enroll(tpms.get(0));
        drifted = enroll(tpms.get(1));
        pcrBound = enroll(tpms.get(2), "--pcr-bound", "--pcrs", "sha256:" + PCRS);
        // Fresh swtpms boot to identical PCRs: the first host's values are the group's reference.
        putReferenceValues(tpms.get(0));
        for (Host h : List.of(trusted, drifted, pcrBound)) {
            operator("v1/hosts/" + h.akName() + "/attributes",
                "{\"hostGroup\":\"" + GROUP + "\",\"location\":\"dc1\",\"assetTag\":\"rack-7\"}");
        }
        for (Host h : List.of(trusted, drifted, pcrBound)) {
            assertThat(agent(Map.of(), h, "attest").rc()).isZero();
        }
        // After enrollment and a trusted verdict, the drifted host's boot state changes.
        drifted.tpm().tpm2("tpm2_pcrextend", "7:sha256=" + "ab".repeat(32));
        assertThat(agent(Map.of(), drifted, "attest").rc()).isEqualTo(2);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {boat, attestation, kmip,
            trusted == null ? null : trusted.tpm(), drifted == null ? null : drifted.tpm(),
            pcrBound == null ? null : pcrBound.tpm()}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void trustedHost_decryptsTheOwnersImageWithTheAttestedKeyAndBootsIt() throws Exception {
        String secretRef = kmipKey();
        Path bundle = dir.resolve("test-vm.tar");
        Process build = new ProcessBuilder("bash", Path.of(System.getProperty("boat.deploy.dir"), "vm",
            "build-test-image.sh").toString(), bundle.toString()).redirectErrorStream(true).start();
        String buildLog = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(BOOT_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(buildLog).isZero();

        // The owner encrypts with an ordinary payload read, then allows release only to attested hosts.
        Run enc = agent(ownerEnv(), null, "encrypt-image", "--secret-ref", secretRef, "--in", bundle.toString(),
            "--out", dir.resolve("test-vm.boat").toString());
        assertThat(enc.rc()).as(enc.output()).isZero();
        setPolicy(secretRef, "{\"attestation_required\":true,\"host_groups\":[\"" + GROUP + "\"],\"locations\":[\"dc1\"]}");
        assertThat(owner.get(secretRef + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(403);

        Path image = dir.resolve("test-vm.dec.tar");
        Run dec = agent(ownerEnv(), trusted, "decrypt-image", "--attested", "--secret-ref", secretRef,
            "--in", dir.resolve("test-vm.boat").toString(), "--out", image.toString());
        assertThat(dec.rc()).as(dec.output()).isZero();
        assertThat(Files.mismatch(bundle, image)).isEqualTo(-1L);

        Run boot = agent(Map.of(), null, "launch", "--image", image.toString(), "--memory", "256",
            "--timeout", Long.toString(BOOT_BOUND_SECONDS));
        assertThat(boot.output()).contains("BOAT-VM-BOOTED kernel ");
        assertThat(boot.rc()).as(boot.output()).isZero();

        // The release and the refusal above are on the audit record.
        JsonObject events = owner.get("/v1/release-events?secret_id=" + id(secretRef)).json();
        assertThat(events.toString()).contains(trusted.akName()).contains("released").contains("attestation_required");
    }

    @Test
    @Order(2)
    void driftedHost_isRefused401NamingThePcr_andNothingIsDecrypted() throws Exception {
        String secretRef = kmipKey();
        Path plain = Files.write(dir.resolve("vm.img"), new byte[1024 * 1024]);
        assertThat(agent(ownerEnv(), null, "encrypt-image", "--secret-ref", secretRef, "--in", plain.toString(),
            "--out", dir.resolve("vm.boat").toString()).rc()).isZero();
        setPolicy(secretRef, "{\"attestation_required\":true}");

        Run dec = agent(ownerEnv(), drifted, "decrypt-image", "--attested", "--secret-ref", secretRef,
            "--in", dir.resolve("vm.boat").toString(), "--out", dir.resolve("vm.out").toString());

        assertThat(dec.rc()).isEqualTo(1);
        assertThat(dec.output()).contains("401").contains("host_untrusted").containsPattern("(?i)pcr\\D{0,3}7");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("vm.img", "vm.boat");
        }
    }

    @Test
    @Order(3)
    void policyNamingAnotherGroupOrLocation_refusesTheTrustedHost() throws Exception {
        String secretRef = kmipKey();
        setPolicy(secretRef, "{\"host_groups\":[\"other-hosts\"]}");
        assertRefused(fetch(trusted, secretRef), "host_group_not_allowed");

        setPolicy(secretRef, "{\"locations\":[\"dc2\"]}");
        assertRefused(fetch(trusted, secretRef), "location_not_allowed");

        setPolicy(secretRef, "{\"asset_tags\":[\"rack-7\"],\"locations\":[\"dc1\"],\"host_groups\":[\"" + GROUP + "\"]}");
        Run ok = fetch(trusted, secretRef);
        assertThat(ok.rc()).as(ok.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("key.bin"))).hasSize(32);
    }

    @Test
    @Order(4)
    void reportOlderThanThePolicyAllows_isStaleUntilTheHostAttestsAgain() throws Exception {
        String secretRef = kmipKey();
        // Long enough for an agent JVM to start and ask within it on a loaded machine; a bound, not a timing assertion.
        setPolicy(secretRef, "{\"max_report_age\":30}");
        assertThat(agent(Map.of(), trusted, "attest").rc()).isZero();
        Thread.sleep(31_000);
        assertRefused(fetch(trusted, secretRef), "report_stale");

        assertThat(agent(Map.of(), trusted, "attest").rc()).isZero();
        Run ok = fetch(trusted, secretRef);
        assertThat(ok.rc()).as(ok.output()).isZero();
    }

    @Test
    @Order(5)
    void pcrBoundBindKey_releasedWhileTrusted_thenTheTpmItselfRefusesOnceAPcrChanges() throws Exception {
        String secretRef = kmipKey();
        byte[] key = owner.get(secretRef + "/payload", "Accept", "application/octet-stream").body();
        setPolicy(secretRef, "{\"pcr_bound_bind_key\":true,\"max_report_age\":3600}");

        // A host whose bind key the TPM would still open after a change of state is not enough.
        assertRefused(fetch(trusted, secretRef), "bind_key_not_pcr_bound");

        Run released = fetch(pcrBound, secretRef);
        assertThat(released.rc()).as(released.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("key.bin"))).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.bin")))).isEqualTo("rw-------");
        Files.delete(dir.resolve("key.bin"));

        // BOAT still holds a report younger than the policy's maximum age and releases again; the
        // TPM is what refuses, because PCR 7 no longer matches the key's policy.
        pcrBound.tpm().tpm2("tpm2_pcrextend", "7:sha256=" + "cd".repeat(32));
        Run refused = fetch(pcrBound, secretRef);
        assertThat(refused.rc()).as(refused.output()).isNotZero();
        assertThat(refused.output()).doesNotContain("HTTP 401");
        assertThat(dir.resolve("key.bin")).doesNotExist();
    }

    @Test
    @Order(6)
    void unknownHostAndMalformedHeader_refusedBeforeAnythingIsRead() throws Exception {
        String secretRef = kmipKey();
        Api.Response unknown = owner.get(secretRef + "/payload", "X-BOAT-AK-Name", "000b" + "0".repeat(64));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().getString("reason")).isEqualTo("host_unknown");

        Api.Response malformed = owner.get(secretRef + "/payload", "X-BOAT-AK-Name", "000b-not-hex");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("reason")).isEqualTo("malformed_ak_name");
    }

    @Test
    @Order(7)
    void attestationServiceStopped_releaseFails500WithinTheTimeout_andBoatKeepsServing() throws Exception {
        String secretRef = kmipKey();
        setPolicy(secretRef, "{\"max_report_age\":1}");
        attestation.close();
        Thread.sleep(1100);

        Api.Response r = owner.get(secretRef + "/payload", "X-BOAT-AK-Name", trusted.akName());

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().getString("reason")).isEqualTo("attestation_unavailable");
        assertThat(owner.get(secretRef + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(200);
    }

    private Run fetch(Host host, String secretRef) throws IOException, InterruptedException {
        return agent(ownerEnv(), host, "fetch-key", secretRef, "--out", dir.resolve("key.bin").toString());
    }

    private void assertRefused(Run run, String reason) {
        assertThat(run.rc()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("401").contains(reason);
        assertThat(dir.resolve("key.bin")).doesNotExist();
    }

    /** A fresh AES-256 key ordered from BOAT, generated and kept in PyKMIP. */
    private static String kmipKey() throws InterruptedException {
        Api.Response order = owner.postJson("/v1/orders", "{\"type\":\"key\",\"meta\":{\"name\":\"vm-image-key\","
            + "\"algorithm\":\"aes\",\"bit_length\":256,\"mode\":\"gcm\",\"payload_content_type\":\"application/octet-stream\"}}");
        assertThat(order.status()).as(order.toString()).isEqualTo(202);
        JsonObject done = Orders.awaitDone(owner, order.json().getString("order_ref"));
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("ACTIVE");
        return done.getString("secret_ref");
    }

    private static void setPolicy(String secretRef, String json) {
        Api.Response r = owner.putJson(secretRef + "/release-policy", json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String id(String secretRef) {
        return secretRef.substring(secretRef.lastIndexOf('/') + 1);
    }

    private static Map<String, String> ownerEnv() {
        return Map.of("OS_AUTH_URL", boat.baseUrl() + "/v3", "OS_USERNAME", "admin",
            "OS_PASSWORD", BoatServer.ADMIN_PASSWORD, "OS_PROJECT_NAME", "admin");
    }

    private static Host enroll(Swtpm tpm, String... options) throws Exception {
        Path state = Files.createTempDirectory(work, "agent");
        Host host = new Host(tpm, state, null);
        List<String> args = new ArrayList<>(List.of("--json", "enroll"));
        args.addAll(List.of(options));
        Run r = agent(Map.of(), host, args.toArray(String[]::new));
        assertThat(r.rc()).as(r.output()).isZero();
        String akName = Json.createReader(new StringReader(r.output())).readObject().getString("akName");
        return new Host(tpm, state, akName);
    }

    private static void putReferenceValues(Swtpm tpm) throws Exception {
        String pcrs = tpm.tpm2("tpm2_pcrread", "sha256:" + PCRS).lines()
            .map(String::strip).filter(l -> l.matches("\\d+ *: *0x[0-9A-Fa-f]{64}"))
            .map(l -> "\"" + l.split(" *: *")[0] + "\":[\"" + l.split("0x")[1].toLowerCase() + "\"]")
            .collect(Collectors.joining(","));
        operator("v1/host-groups/" + GROUP + "/reference-values", "{\"pcrs\":{" + pcrs + "}}");
    }

    private static void operator(String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(attestation.baseUrl() + path)).header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + OPERATOR_TOKEN).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("PUT %s: %s", path, r.body()).isEqualTo(204);
    }

    record Run(int rc, String output) {
    }

    /** The shaded agent jar as a process, as a compute host runs it; {@code host} null for owner-side commands. */
    private static Run agent(Map<String, String> env, Host host, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("boat.agent.jar")));
        if (host != null) {
            cmd.addAll(List.of(host.common()));
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_") || k.startsWith("BOAT_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(BOOT_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
