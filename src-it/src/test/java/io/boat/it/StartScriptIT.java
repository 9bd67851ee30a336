package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.testing.LoopbackPorts;
import io.boat.testing.MicroProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command itself, {@code deploy/boat.sh}, with its class-data archive
 * ({@code deploy/cds.sh}): the first start of a build records the archive, later starts run from it
 * with what the earlier ones stored, and {@code BOAT_CDS=0} still starts from the uber jar. The other
 * black-box tests start the jar directly ({@link BoatServer}), so only this one covers the launcher.
 */
class StartScriptIT {

    private static final String ADMIN_PASSWORD = "start-script-admin-1";

    @TempDir
    Path home;

    @Test
    void firstStartRecordsTheArchive_laterStartsUseItAndKeepTheData() throws Exception {
        int port = LoopbackPorts.freePair();
        Api api = new Api("http://127.0.0.1:" + port);
        String secret;
        try (MicroProcess first = start(port, Map.of(), Duration.ofMinutes(10))) {
            assertThat(Files.readString(log(), StandardCharsets.UTF_8))
                .contains("first start of this build: recording a class-data archive");
            assertThat(commandLine(first)).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=") && a.endsWith("boat.jsa"))
                .anyMatch(a -> a.endsWith("launch-micro.jar"));
            Api owner = api.withToken(api.token("admin", ADMIN_PASSWORD, "admin"));
            secret = SecretsApiIT.storeKey(owner, "across-starts");
        }
        assertThat(archives()).as("one launcher directory per build").hasSize(1);

        try (MicroProcess second = start(port, Map.of(), Duration.ofMinutes(5))) {
            assertThat(commandLine(second)).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
            String log = Files.readString(log(), StandardCharsets.UTF_8);
            assertThat(log.indexOf("recording a class-data archive")).as("recorded only once")
                .isEqualTo(log.lastIndexOf("recording a class-data archive"));
            // The JVM says so when it cannot map the archive it was given (and then starts without it).
            assertThat(log).doesNotContain("An error has occurred while processing the shared archive file")
                .doesNotContain("shared class paths mismatch");
            Api owner = api.withToken(api.token("admin", ADMIN_PASSWORD, "admin"));
            assertThat(owner.get(secret + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo(Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
        }

        try (MicroProcess uberJar = start(port, Map.of("BOAT_CDS", "0"), Duration.ofMinutes(5))) {
            assertThat(commandLine(uberJar)).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="))
                .contains(System.getProperty("boat.jar"));
            Api owner = api.withToken(api.token("admin", ADMIN_PASSWORD, "admin"));
            assertThat(owner.get(secret + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(200);
        }
    }

    private MicroProcess start(int port, Map<String, String> extra, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder boat = new ProcessBuilder("bash", deployDir().resolve("boat.sh").toString())
            .directory(home.toFile());
        boat.environment().put("BOAT_JAR", System.getProperty("boat.jar"));
        boat.environment().put("BOAT_HOME", home.resolve("var").toString());
        boat.environment().put("BOAT_PORT", String.valueOf(port));
        boat.environment().put("BOAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        boat.environment().putAll(extra);
        return MicroProcess.start(boat, log(), URI.create("http://127.0.0.1:" + port + "/"), 300, timeout);
    }

    private Path log() {
        return home.resolve("boat.log");
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> dirs = Files.list(home.resolve("var/cds"))) {
            return dirs.filter(d -> Files.exists(d.resolve("boat.jsa"))).map(Path::toString).toList();
        }
    }

    /** The server's arguments: boat.sh execs java, so the process started is the JVM itself. */
    private static List<String> commandLine(MicroProcess server) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/" + server.pid() + "/cmdline"));
        return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
    }

    private static Path deployDir() {
        return Path.of(System.getProperty("boat.deploy.dir", "../deploy"));
    }
}
