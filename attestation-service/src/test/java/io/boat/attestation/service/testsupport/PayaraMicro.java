package io.boat.attestation.service.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The attestation-service WAR on a real Payara Micro (in-memory H2), started and stopped by the test. */
public final class PayaraMicro implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PayaraMicro(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    public static PayaraMicro start(Path workDir, Map<String, String> systemProperties) throws Exception {
        PayaraMicro pm = launch(workDir, systemProperties);
        pm.awaitReady();
        return pm;
    }

    /** Starts Payara Micro without waiting for the application (for deployments that must fail). */
    public static PayaraMicro launch(Path workDir, Map<String, String> systemProperties) throws Exception {
        Path jar = Path.of(require("boat.payara.micro.jar"));
        Path war = Path.of(require("boat.war"));
        if (!Files.exists(jar) || !Files.exists(war)) {
            throw new IllegalStateException("Payara Micro jar " + jar + " or WAR " + war + " is missing");
        }
        int port = Swtpm.freePortPair();
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m"));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString(), "--nohazelcast", "--port", Integer.toString(port),
            "--rootdir", workDir.resolve("payara-root").toString(), "--deploy", war.toString()));
        Path log = workDir.resolve("payara.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().put("BOAT_ATTESTATION_JDBC_URL", "jdbc:h2:mem:attestation;DB_CLOSE_DELAY=-1");
        return new PayaraMicro(pb.start(), log, "http://127.0.0.1:" + port + "/attestation-service/api/");
    }

    /** Waits until Payara Micro has finished deploying, successfully or not, and returns its log. */
    public String awaitStarted() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.readString(log);
            if (text.contains("Payara Micro") && text.contains(" ready in ")) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not finish starting: " + tail());
    }

    private static String require(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set (run with mvn verify)");
        }
        return v;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited: " + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "v1/keys")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Payara Micro did not become ready: " + tail());
    }

    private String tail() throws Exception {
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 4000));
    }

    /** Base URL of the REST API, ending in "/api/". */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
