package io.boat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real curl as a test's HTTP client: the operator's tool, with OpenSSL's TLS stack rather than
 * the JDK's, so an HTTPS test does not only prove that Java talks to Java.
 */
public final class Curl {

    /**
     * What one curl run gave: its exit code (0, or e.g. 35 for a failed TLS handshake), the HTTP
     * status (0 when no response came), the body and curl's error output.
     */
    public record Result(int exit, int status, String body, String errors) {
    }

    private Curl() {
    }

    /** Runs {@code curl -sS} with {@code args} (options and URL), failing the test if curl hangs for a minute. */
    public static Result run(String... args) throws IOException, InterruptedException {
        Path body = Files.createTempFile("curl-body", ".out");
        try {
            List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-o", body.toString(),
                    "-w", "%{http_code}"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            String status = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("curl did not finish: " + cmd);
            }
            return new Result(p.exitValue(), status.isEmpty() ? 0 : Integer.parseInt(status),
                    Files.readString(body), errors);
        } finally {
            Files.deleteIfExists(body);
        }
    }
}
