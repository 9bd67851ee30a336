package io.boat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real swtpm for one test class: provisioned with an EK certificate from a swtpm_localca whose
 * state is in a temp directory (deploy/tpm/swtpm-provision.sh), listening on free 127.0.0.1 ports
 * (deploy/tpm/swtpm-start.sh). Fails, never skips, when swtpm or tpm2-tools are missing.
 */
public final class Swtpm implements AutoCloseable {
    private final Path dir;
    private final Path state;
    private final int port;
    private final List<X509Certificate> caCertificates = new ArrayList<>();

    private Swtpm(Path dir, int port) {
        this.dir = dir;
        this.state = dir.resolve("state");
        this.port = port;
    }

    public static Swtpm start() throws Exception {
        requireTool("swtpm");
        requireTool("swtpm_setup");
        requireTool("tpm2_quote");
        Path dir = Files.createTempDirectory("boat-swtpm");
        Swtpm tpm = new Swtpm(dir, LoopbackPorts.freePair());
        String out = run(dir, Map.of(), script("swtpm-provision.sh"), tpm.state.toString(), dir.resolve("ca").toString());
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (String line : out.strip().split("\n")) {
            try (var in = Files.newInputStream(Path.of(line.strip()))) {
                tpm.caCertificates.add((X509Certificate) cf.generateCertificate(in));
            }
        }
        run(dir, Map.of(), script("swtpm-start.sh"), tpm.state.toString(), Integer.toString(tpm.port));
        return tpm;
    }

    public int port() {
        return port;
    }

    public String tcti() {
        return "swtpm:host=127.0.0.1,port=" + port;
    }

    /** The agent's --tpm option value for this swtpm. */
    public String agentTpmOption() {
        return "tcp:127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    public List<X509Certificate> caCertificates() {
        return caCertificates;
    }

    /** Runs a tpm2-tools command against this swtpm; fails with its stderr when it exits non-zero. */
    public String tpm2(String... command) throws Exception {
        return run(dir, Map.of("TPM2TOOLS_TCTI", tcti()), command);
    }

    @Override
    public void close() throws Exception {
        run(dir, Map.of(), script("swtpm-stop.sh"), state.toString());
    }

    private static String script(String name) {
        String scripts = System.getProperty("boat.tpm.scripts");
        if (scripts == null) {
            // from the repository root (bench) or from a module directory (mvn verify)
            scripts = Files.isDirectory(Path.of("deploy", "tpm")) ? "deploy/tpm" : "../deploy/tpm";
        }
        return Path.of(scripts, name).toAbsolutePath().toString();
    }

    private static void requireTool(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(p, tool))) {
                return;
            }
        }
        throw new IllegalStateException("'" + tool + "' is not installed: these tests need a real swtpm and "
            + "tpm2-tools (apt-get install swtpm swtpm-tools tpm2-tools)");
    }

    /** Runs a command in {@code dir}; fails with its stderr when it exits non-zero; returns its stdout. */
    public static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
