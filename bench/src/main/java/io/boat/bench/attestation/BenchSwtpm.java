package io.boat.bench.attestation;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A swtpm for a benchmark trial, provisioned and started with deploy/tpm's scripts
 * ({@code -Dboat.tpm.scripts=DIR}, default {@code deploy/tpm} under the working directory).
 */
final class BenchSwtpm implements AutoCloseable {
    final Path dir;
    final int port;
    final List<X509Certificate> cas = new ArrayList<>();

    BenchSwtpm() throws Exception {
        dir = Files.createTempDirectory("boat-bench-swtpm");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String out = run(script("swtpm-provision.sh"), dir.resolve("state").toString(), dir.resolve("ca").toString());
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (String line : out.strip().split("\n")) {
            try (var in = Files.newInputStream(Path.of(line.strip()))) {
                cas.add((X509Certificate) cf.generateCertificate(in));
            }
        }
        run(script("swtpm-start.sh"), dir.resolve("state").toString(), Integer.toString(port));
    }

    String tpmOption() {
        return "tcp:127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        run(script("swtpm-stop.sh"), dir.resolve("state").toString());
    }

    private static String script(String name) {
        return Path.of(System.getProperty("boat.tpm.scripts", "deploy/tpm"), name).toAbsolutePath().toString();
    }

    private String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
