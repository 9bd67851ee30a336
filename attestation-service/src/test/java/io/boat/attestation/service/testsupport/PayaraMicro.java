package io.boat.attestation.service.testsupport;

import io.boat.testing.LoopbackPorts;
import io.boat.testing.MicroProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The attestation-service WAR on a real Payara Micro (in-memory H2), started and stopped by the test. */
public final class PayaraMicro implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final MicroProcess process;
    private final String baseUrl;

    private PayaraMicro(MicroProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts Payara Micro and waits until the API answers. */
    public static PayaraMicro start(Path workDir, Map<String, String> systemProperties) throws Exception {
        int port = LoopbackPorts.freePair();
        String baseUrl = baseUrl(port);
        return new PayaraMicro(MicroProcess.start(command(workDir, systemProperties, port), log(workDir),
            URI.create(baseUrl + "v1/keys"), 200, START_TIMEOUT), baseUrl);
    }

    /** Starts Payara Micro without waiting for the application (for deployments that must fail). */
    public static PayaraMicro launch(Path workDir, Map<String, String> systemProperties) throws Exception {
        int port = LoopbackPorts.freePair();
        return new PayaraMicro(MicroProcess.launch(command(workDir, systemProperties, port), log(workDir)),
            baseUrl(port));
    }

    /** Waits until Payara Micro has finished deploying, successfully or not, and returns its log. */
    public String awaitStarted() throws Exception {
        return process.awaitLog(" ready in ", START_TIMEOUT);
    }

    private static ProcessBuilder command(Path workDir, Map<String, String> systemProperties, int port) {
        Path jar = Path.of(require("boat.payara.micro.jar"));
        Path war = Path.of(require("boat.war"));
        if (!Files.exists(jar) || !Files.exists(war)) {
            throw new IllegalStateException("Payara Micro jar " + jar + " or WAR " + war + " is missing");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m"));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString(), "--nohazelcast", "--port", Integer.toString(port),
            "--rootdir", workDir.resolve("payara-root").toString(), "--deploy", war.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("BOAT_ATTESTATION_JDBC_URL", "jdbc:h2:mem:attestation;DB_CLOSE_DELAY=-1");
        return pb;
    }

    private static Path log(Path workDir) {
        return workDir.resolve("payara.log");
    }

    private static String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/attestation-service/api/";
    }

    private static String require(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set (run with mvn verify)");
        }
        return v;
    }

    /** Base URL of the REST API, ending in "/api/". */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
