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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command itself, {@code deploy/boat.sh}, with its class-data archive
 * ({@code deploy/cds.sh}): the first start of a build records the archive, later starts run from it
 * with what the earlier ones stored, and {@code BOAT_CDS=0} (or JFR requested) still starts from the
 * uber jar. The other black-box tests start the jar directly ({@link BoatServer}), so only this one
 * covers the launcher.
 */
class StartScriptIT {

    private static final String ADMIN_PASSWORD = "start-script-admin-1";

    @TempDir
    Path home;

    @Test
    void firstStartRecordsTheArchive_laterStartsUseItAndKeepTheData() throws Exception {
        int port = LoopbackPorts.freePair();
        Api api = new Api("http://127.0.0.1:" + port);
        String secret = recordThenStore(port, Map.of(), "-XX:SharedArchiveFile=", "boat.jsa", "across-starts");
        assertThat(archives("var", "boat.jsa")).as("one launcher directory per build").hasSize(1);

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

        // JFR's class-file hook met a class mapped from the archive and crashed JDK 17 (SIGSEGV) at
        // start; with JFR (or a Java agent) requested, boat.sh starts from the uber jar.
        Map<String, String> jfr = Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + home.resolve("boat.jfr"));
        try (MicroProcess profiled = start(port, jfr, Duration.ofMinutes(5))) {
            assertThat(commandLine(profiled)).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
            assertThat(Files.readString(log(), StandardCharsets.UTF_8))
                .contains("JFR or a Java agent requested: starting without the class-data archive");
            Api owner = api.withToken(api.token("admin", ADMIN_PASSWORD, "admin"));
            assertThat(owner.get(secret + "/payload", "Accept", "application/octet-stream").status()).isEqualTo(200);
        }
    }

    /**
     * On JDK 25 and later the same launcher runs from an AOT cache ({@code -XX:AOTCacheOutput} while
     * recording, {@code -XX:AOTCache} after). Runs when a JDK 25 is installed where Debian's Temurin
     * package puts it, or at {@code -Dboat.test.java25=…}; the integration suite itself runs on JDK 17.
     */
    @Test
    void onJdk25TheArchiveIsAnAotCache() throws Exception {
        Path java25 = Path.of(System.getProperty("boat.test.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
        Assumptions.assumeTrue(Files.isExecutable(java25), "no JDK 25 at " + java25);
        int port = LoopbackPorts.freePair();
        Api api = new Api("http://127.0.0.1:" + port);
        Map<String, String> env = Map.of("BOAT_JAVA", java25.toString(), "BOAT_HOME", home.resolve("var25").toString());
        String secret = recordThenStore(port, env, "-XX:AOTCache=", "boat.aot", "across-jdk25-starts");
        assertThat(archives("var25", "boat.aot")).as("one launcher directory per build").hasSize(1);
        try (MicroProcess second = start(port, env, Duration.ofMinutes(5))) {
            assertThat(commandLine(second)).anyMatch(a -> a.startsWith("-XX:AOTCache="));
            // The JVM warns under [aot] when it cannot use the cache it was given, and starts without it.
            assertThat(Files.readString(log(), StandardCharsets.UTF_8)).doesNotContain("[aot]");
            Api owner = api.withToken(api.token("admin", ADMIN_PASSWORD, "admin"));
            assertThat(owner.get(secret + "/payload", "Accept", "application/octet-stream").body())
                .isEqualTo(Base64.getDecoder().decode(SecretsApiIT.KEY_B64));
        }
    }

    /**
     * A build's first start: it records the archive, then runs from it ({@code flag} naming
     * {@code file}) with Payara's runtime on the class path; stores a secret and returns its ref.
     */
    private String recordThenStore(int port, Map<String, String> env, String flag, String file, String name)
            throws Exception {
        try (MicroProcess first = start(port, env, Duration.ofMinutes(10))) {
            assertThat(Files.readString(log(), StandardCharsets.UTF_8))
                .contains("first start of this build: recording a class-data archive");
            List<String> args = commandLine(first);
            assertThat(args).anyMatch(a -> a.startsWith(flag) && a.endsWith(file))
                .anyMatch(a -> a.endsWith("launch-micro.jar"));
            assertThat(args.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:AOTCache=")))
                .as("one archive option").hasSize(1);
            Api api = new Api("http://127.0.0.1:" + port);
            return SecretsApiIT.storeKey(api.withToken(api.token("admin", ADMIN_PASSWORD, "admin")), name);
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

    /** The launcher directories under BOAT_HOME {@code boatHome} holding an archive named {@code file}. */
    private List<String> archives(String boatHome, String file) throws IOException {
        try (Stream<Path> dirs = Files.list(home.resolve(boatHome).resolve("cds"))) {
            return dirs.filter(d -> Files.exists(d.resolve(file))).map(Path::toString).toList();
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
