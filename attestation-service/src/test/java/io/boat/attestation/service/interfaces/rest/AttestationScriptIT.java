package io.boat.attestation.service.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.agent.Main;
import io.boat.testing.Curl;
import io.boat.testing.LoopbackPorts;
import io.boat.testing.Swtpm;
import io.boat.testing.TestPki;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's path for a newcomer: deploy/attestation.sh started as documented, a swtpm enrolled with
 * the agent CLI, the operator token the script generated used to set the reference values, and a
 * TRUSTED verdict. Also the script's refusal to start without EK CAs, and HTTPS as the README
 * configures it.
 */
class AttestationScriptIT {
    private static final Path SCRIPT = Path.of(System.getProperty("boat.tpm.scripts", "../deploy/tpm"))
        .resolveSibling("attestation.sh").toAbsolutePath();

    @Test
    void script_withoutEkCas_refusesToStartNamingTheVariable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().remove("BOAT_ATTESTATION_EK_CA_CERTIFICATES");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("set BOAT_ATTESTATION_EK_CA_CERTIFICATES");
    }

    @Test
    void script_startedAsDocumented_agentEnrollsAndAttestsTrusted() throws Exception {
        try (Swtpm swtpm = Swtpm.start()) {
            Path home = Files.createTempDirectory(swtpm.dir(), "home");
            int port = LoopbackPorts.freePair();
            ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(swtpm.dir().resolve("attestation.log").toFile());
            Path ca = swtpm.dir().resolve("ca");
            pb.environment().putAll(Map.of("BOAT_ATTESTATION_EK_CA_CERTIFICATES",
                ca.resolve("issuercert.pem") + "," + ca.resolve("swtpm-localca-rootca-cert.pem"),
                "BOAT_ATTESTATION_PORT", Integer.toString(port), "BOAT_ATTESTATION_HOME", home.toString(),
                "BOAT_PAYARA_MICRO_JAR", System.getProperty("boat.payara.micro.jar"), "BOAT_JAVA_OPTS", "-Xmx512m"));
            Process service = pb.start();
            try {
                String base = "http://127.0.0.1:" + port + "/attestation-service/api/";
                awaitKeys(service, base, swtpm.dir().resolve("attestation.log"));
                assertThat(Files.readString(swtpm.dir().resolve("attestation.log")))
                    .contains("operator token (kept in " + home.resolve("operator-token"));
                // No JVM, thread or memory figures for anyone without a token; health stays open.
                HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(403);
                // ... and the service's JSON error, not the container's page naming the server and its version.
                assertThat(metrics.headers().firstValue("Server")).isEmpty();
                assertThat(metrics.body())
                    .isEqualTo("{\"code\":\"http_403\",\"description\":\"Forbidden\",\"title\":\"Forbidden\"}");
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

                String[] common = {"--tpm", swtpm.agentTpmOption(), "--service", base, "--state-dir",
                    home.resolve("agent").toString(), "--json"};
                String akName = agent(0, "enroll", common).getString("akName");
                assertThat(putReferenceValues(base, swtpm, Files.readString(home.resolve("operator-token"))))
                    .isEqualTo(204);
                JsonObject verdict = agent(0, "attest", common);

                assertThat(verdict.getBoolean("trusted")).as("%s", verdict).isTrue();
                assertThat(verdict.getString("akName")).isEqualTo(akName);
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void script_withHttpsOnly_answersKeyEndpointToCurlTrustingItsCa() throws Exception {
        Path dir = Files.createTempDirectory("attestation-https");
        TestPki.TlsFiles pki = TestPki.tlsFiles(dir.resolve("pki"));
        int port = LoopbackPorts.freePair();
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("attestation.log").toFile());
        pb.environment().putAll(Map.of("BOAT_ATTESTATION_EK_CA_CERTIFICATES", pki.caPem().toString(),
            "BOAT_ATTESTATION_PORT", Integer.toString(port), "BOAT_ATTESTATION_HOME", dir.resolve("home").toString(),
            "BOAT_PAYARA_MICRO_JAR", System.getProperty("boat.payara.micro.jar"), "BOAT_JAVA_OPTS", "-Xmx512m",
            "BOAT_ATTESTATION_TLS_CERT", pki.serverPem().toString(), "BOAT_ATTESTATION_TLS_KEY", pki.serverKey().toString(),
            "BOAT_ATTESTATION_HTTPS_PORT", Integer.toString(port + 1), "BOAT_ATTESTATION_HTTP", "off"));
        Process service = pb.start();
        try {
            String keys = "https://127.0.0.1:" + (port + 1) + "/attestation-service/api/v1/keys";
            Curl.Result served = awaitHttps(service, keys, pki.caPem(), dir.resolve("attestation.log"));

            assertThat(served.body()).contains("\"keys\"");
            assertThat(Curl.run(keys).exit()).as("curl without the CA does not trust the server").isEqualTo(60);
            assertThat(Curl.run("http://127.0.0.1:" + port + "/attestation-service/api/v1/keys").status())
                .as("plain HTTP is off").isZero();
            assertThat(Files.readString(dir.resolve("attestation.log"))).contains("https://127.0.0.1:" + (port + 1));
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Curl.Result awaitHttps(Process service, String url, Path ca, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("attestation.sh exited: %s", Files.readString(log)).isTrue();
            Curl.Result r = Curl.run("--cacert", ca.toString(), url);
            if (r.status() == 200) {
                return r;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("attestation.sh did not answer over HTTPS: " + Files.readString(log));
    }

    private static JsonObject agent(int expectedExit, String subcommand, String... common) {
        StringWriter out = new StringWriter();
        String[] args = new String[common.length + 1];
        args[0] = subcommand;
        System.arraycopy(common, 0, args, 1, common.length);
        assertThat(Main.run(new PrintWriter(out), args)).as("agent %s: %s", subcommand, out).isEqualTo(expectedExit);
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    /** As the README does: tpm2_pcrread's PCR 0-7 as the "default" group's reference values. */
    private static int putReferenceValues(String base, Swtpm swtpm, String token) throws Exception {
        String pcrs = swtpm.tpm2("tpm2_pcrread", "sha256:0,1,2,3,4,5,6,7").lines()
            .map(String::strip).filter(l -> l.matches("\\d+ *: *0x[0-9A-Fa-f]{64}"))
            .map(l -> "\"" + l.split(" *: *")[0] + "\":[\"" + l.split("0x")[1].toLowerCase() + "\"]")
            .collect(Collectors.joining(","));
        HttpRequest put = HttpRequest.newBuilder(URI.create(base + "v1/host-groups/default/reference-values"))
            .header("Authorization", "Bearer " + token.strip()).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"pcrs\":{" + pcrs + "}}")).build();
        return HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void awaitKeys(Process service, String base, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("attestation.sh exited: %s", Files.readString(log)).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "v1/keys")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("attestation.sh did not answer: " + Files.readString(log));
    }
}
