package io.boat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.agent.release.WrappedKeys;
import io.boat.agent.tpm.BindKey;
import io.boat.testing.Swtpm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar agent-all.jar fetch-key} as a separate process, as a host runs it: the key alone on
 * standard output (TSS.Java's diagnostics and our errors on standard error), exit codes, and the shaded
 * jar's JSON provider and TSS.Java working outside the test class path.
 */
class FetchKeyJarIT {
    private static Swtpm swtpm;
    private static CannedHttpServer boat;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        boat = CannedHttpServer.http();
    }

    @AfterAll
    static void stop() throws Exception {
        if (boat != null) {
            boat.close();
        }
        if (swtpm != null) {
            swtpm.close();
        }
    }

    private record Result(int exit, byte[] stdout, String stderr) {
    }

    private Result fetchKey() throws Exception {
        return fetchKey(boat, Map.of());
    }

    private Result fetchKey(CannedHttpServer server, Map<String, String> env) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("boat.agent.jar"), "fetch-key", server.baseUrl() + "/v1/secrets/abc-1",
            "--tpm", swtpm.agentTpmOption(), "--state-dir", dir.resolve("state").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("OS_TOKEN", "token-from-env");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void fetchKey_jar_writesOnlyTheKeyToStdoutAndUsesOsTokenFromTheEnvironment() throws Exception {
        EnrolledHosts.enroll(swtpm, dir.resolve("state"), new FakeAttestationApi(List.of(0)), false, List.of());
        BindKey bind = new StateDir(dir.resolve("state")).bindKey().orElseThrow();
        byte[] secret = WrappedKeys.secret(32);
        boat.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret).getBytes(StandardCharsets.US_ASCII));

        Result r = fetchKey();

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo(secret);
        assertThat(boat.requests().get(boat.requests().size() - 1).headers().getFirst("X-Auth-Token")).isEqualTo("token-from-env");
    }

    @Test
    void fetchKey_jarRefused_errorOnStderrNothingOnStdoutExitOne() throws Exception {
        EnrolledHosts.enroll(swtpm, dir.resolve("state"), new FakeAttestationApi(List.of(0)), false, List.of());
        boat.answerJson(401, "{\"code\":401,\"title\":\"Unauthorized\",\"description\":\"PCR 7 differs from the reference\","
            + "\"reason\":\"host_untrusted\"}");

        Result r = fetchKey();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("error (http_401)").contains("(host_untrusted): PCR 7 differs from the reference");
    }

    @Test
    void fetchKey_jarTlsFilesFromTheEnvironment_mutualTlsToBoat() throws Exception {
        EnrolledHosts.enroll(swtpm, dir.resolve("state"), new FakeAttestationApi(List.of(0)), false, List.of());
        BindKey bind = new StateDir(dir.resolve("state")).bindKey().orElseThrow();
        byte[] secret = WrappedKeys.secret(32);
        AgentPki pki = AgentPki.create(Files.createDirectory(dir.resolve("pki")));
        try (CannedHttpServer https = pki.server(true)) {
            https.answer(200, "application/jose", WrappedKeys.nimbusJwe(bind.blob(), bind.nameHex(), secret)
                .getBytes(StandardCharsets.US_ASCII));

            Result r = fetchKey(https, Map.of("BOAT_CACERT", pki.file("ca.pem").toString(),
                "BOAT_CERT", pki.file("client.pem").toString(), "BOAT_KEY", pki.file("client.key").toString()));

            assertThat(r.exit()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo(secret);
            assertThat(https.requests().get(0).clientSubject()).isEqualTo(AgentPki.CLIENT_SUBJECT);
        }
    }
}
