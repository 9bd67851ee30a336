package io.boat.attestation.client.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh swtpm holding the bind keys deploy/tpm/bind-key-fixtures.sh creates with tpm2-tools
 * ("bind", and "pcrbind" with a TPM2_PolicyPCR authPolicy), for tests that need the real TPM as an
 * independent party: its files (KEY.pub, KEY.name, KEY.pem, pcr.*) and TPM2_RSA_Decrypt with a key.
 * Shared by attestation-client and kms-ejb tests through this module's test-jar.
 */
public final class BindKeySwtpm implements AutoCloseable {
    /** deploy/tpm, found from the module directory Maven runs tests in. */
    private static final Path SCRIPTS = Path.of(System.getProperty("user.dir")).resolve("../deploy/tpm").normalize();

    private final Path dir;
    private final String tcti;

    private BindKeySwtpm(Path dir, String port) {
        this.dir = dir;
        this.tcti = "swtpm:host=127.0.0.1,port=" + port;
    }

    /** True when swtpm and tpm2-tools are installed; CI installs both, so tests may assume it. */
    public static boolean toolsPresent() {
        return Stream.of("swtpm", "tpm2_createpolicy", "tpm2_rsadecrypt").allMatch(tool ->
            Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool))));
    }

    public static BindKeySwtpm start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("boat-bindkey");
        String port = run(dir, null, SCRIPTS.resolve("../free-port.sh").normalize().toString()).strip();
        BindKeySwtpm tpm = new BindKeySwtpm(dir, port);
        run(dir, null, SCRIPTS.resolve("bind-key-fixtures.sh").toString(), dir.toString(), port);
        return tpm;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    /**
     * TPM2_RSA_Decrypt of {@code blob} with {@code key} (OAEP); {@code label} is the label without its
     * terminating zero byte, which tpm2_rsadecrypt -l appends, or null for the empty label.
     */
    public byte[] rsaDecrypt(String key, byte[] blob, byte[] label) throws IOException, InterruptedException {
        Path in = Files.write(Files.createTempFile(dir, "blob", ".bin"), blob);
        Path out = dir.resolve(in.getFileName() + ".out");
        List<String> cmd = new ArrayList<>(List.of("tpm2_rsadecrypt", "-c", dir.resolve(key + ".ctx").toString(),
            "-s", "oaep", "-o", out.toString()));
        if (label != null) {
            cmd.addAll(List.of("-l", Files.write(dir.resolve(in.getFileName() + ".label"), label).toString()));
        }
        cmd.add(in.toString());
        try {
            run(dir, tcti, cmd.toArray(String[]::new));
            return Files.readAllBytes(out);
        } finally {
            // No resource manager: the tool leaves the key loaded, and swtpm has three slots.
            run(dir, tcti, "tpm2_flushcontext", "-t");
            Files.deleteIfExists(out);
        }
    }

    /** Stops the swtpm and deletes its state and key files. */
    @Override
    public void close() throws IOException, InterruptedException {
        run(dir, null, SCRIPTS.resolve("swtpm-stop.sh").toString(), dir.resolve("state").toString());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String run(Path dir, String tcti, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (tcti != null) {
            pb.environment().put("TPM2TOOLS_TCTI", tcti);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
