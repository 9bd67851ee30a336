package io.boat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real swtpm for one test class, listening on free 127.0.0.1 ports, its state and files in a temp
 * directory that {@link #close()} deletes. {@link #start()} provisions it with an EK certificate from a
 * swtpm_localca (deploy/tpm/swtpm-provision.sh); {@link #withBindKeys()} instead holds the bind keys
 * deploy/tpm/bind-key-fixtures.sh creates with tpm2-tools, for tests that need the TPM as an independent
 * party. Fails, never skips, when swtpm or tpm2-tools are missing.
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
        Swtpm tpm = prepare("boat-swtpm", "swtpm", "swtpm_setup", "tpm2_quote");
        Path dir = tpm.dir;
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

    /**
     * A fresh swtpm holding "bind" (userWithAuth) and "pcrbind" (a TPM2_PolicyPCR authPolicy), loaded and
     * saved as KEY.ctx, with the files tpm2-tools wrote about them: KEY.pub (TPM2B_PUBLIC), KEY.name,
     * KEY.pem, pcr.selection, pcr.values and pcr.policy; also "migratable", "restricted" and "sign" keys to
     * refuse and two AKs "ak" and "ak2", with every key but the AKs certified by ak in KEY.certify (TPMS_ATTEST)
     * and KEY.certsig (TPMT_SIGNATURE) (see deploy/tpm/bind-key-fixtures.sh).
     */
    public static Swtpm withBindKeys() throws Exception {
        Swtpm tpm = prepare("boat-bindkey", "swtpm", "tpm2_createpolicy", "tpm2_rsadecrypt");
        run(tpm.dir, Map.of(), script("bind-key-fixtures.sh"), tpm.dir.toString(), Integer.toString(tpm.port));
        return tpm;
    }

    /** Checks the tools, then picks a temp directory and a free port pair; nothing runs yet. */
    private static Swtpm prepare(String dirPrefix, String... tools) throws Exception {
        for (String tool : tools) {
            requireTool(tool);
        }
        return new Swtpm(Files.createTempDirectory(dirPrefix), LoopbackPorts.freePair());
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

    /** A file the provisioning or fixture script wrote (e.g. "bind.pub"). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    public byte[] read(String name) throws Exception {
        return Files.readAllBytes(dir.resolve(name));
    }

    /**
     * TPM2_RSA_Decrypt (OAEP) of {@code blob} with a key {@link #withBindKeys()} loaded; {@code label} is the
     * label without its terminating zero byte, which tpm2_rsadecrypt -l appends, or null for the empty label.
     */
    public byte[] rsaDecrypt(String key, byte[] blob, byte[] label) throws Exception {
        Path in = Files.write(Files.createTempFile(dir, "blob", ".bin"), blob);
        Path out = dir.resolve(in.getFileName() + ".out");
        List<String> cmd = new ArrayList<>(List.of("tpm2_rsadecrypt", "-c", file(key + ".ctx").toString(),
            "-s", "oaep", "-o", out.toString()));
        if (label != null) {
            cmd.addAll(List.of("-l", Files.write(dir.resolve(in.getFileName() + ".label"), label).toString()));
        }
        cmd.add(in.toString());
        try {
            tpm2(cmd.toArray(String[]::new));
            return Files.readAllBytes(out);
        } finally {
            // No resource manager: the tool leaves the key loaded, and swtpm has three slots.
            tpm2("tpm2_flushcontext", "-t");
            Files.deleteIfExists(out);
        }
    }

    /** Runs a tpm2-tools command against this swtpm; fails with its stderr when it exits non-zero. */
    public String tpm2(String... command) throws Exception {
        return run(dir, Map.of("TPM2TOOLS_TCTI", tcti()), command);
    }

    @Override
    public void close() throws Exception {
        run(dir, Map.of(), script("swtpm-stop.sh"), state.toString());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
