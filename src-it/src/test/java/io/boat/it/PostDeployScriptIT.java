package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built uber jar and deploy/postdeploy.sh together: the KMIP resource adapter travels in the jar
 * but is deployed only for a BOAT that has a KMIP server (issue 11: its deployment took ~0.36 s of
 * every start's main thread). KmipStoreIT proves a server started this way keeps keys in PyKMIP.
 */
class PostDeployScriptIT {

    private static final Path JAR = Path.of(System.getProperty("boat.jar"));
    private static final Path SCRIPT = Path.of(System.getProperty("boat.deploy.dir", "../deploy"), "postdeploy.sh");
    private static final String ENTRY = "MICRO-INF/optional/kmip-connector.rar";
    private static final Map<String, String> KMIP = Map.of("BOAT_KMIP_HOST", "127.0.0.1", "BOAT_KMIP_PORT", "15696",
            "BOAT_KMIP_KEYSTORE", "/etc/boat/client.p12", "BOAT_KMIP_TRUSTSTORE", "/etc/boat/trust.p12",
            "BOAT_KMIP_STORE_PASSWORD", "pw");

    @TempDir
    Path dir;

    private record Run(int exit, List<String> out, String err) {
    }

    @Test
    void uberJar_carriesTheAdapterOutsideWhatPayaraDeploysByItself() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> deployed = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("MICRO-INF/deploy/") && !n.endsWith("/")).toList();
            assertThat(deployed).containsExactlyInAnyOrder("MICRO-INF/deploy/ROOT.war",
                    "MICRO-INF/deploy/payaramicro.properties");
            assertThat(jar.getEntry(ENTRY)).isNotNull();
            try (ZipFile rar = new ZipFile(extracted(jar).toFile())) {
                assertThat(rar.getEntry("META-INF/ra.xml")).isNotNull();
            }
        }
    }

    @Test
    void withoutKmipServer_writesNothingAndExtractsNothing() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));

        Run r = run(Map.of(), JAR.toString(), home.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        try (var files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withKmipServer_deploysTheAdapterFromTheJarBeforeThePoolThatNamesIt() throws Exception {
        Path home = dir.resolve("home");

        Run r = run(KMIP, JAR.toString(), home.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        Path rar = home.toRealPath().resolve("rar").resolve(ENTRY);
        assertThat(r.out()).hasSize(3);
        assertThat(r.out().get(0)).isEqualTo("deploy --name kmip-connector " + rar);
        assertThat(r.out().get(1)).startsWith("create-connector-connection-pool --raname kmip-connector ")
                .contains("host=127.0.0.1:port=15696:").endsWith(" kmipPool");
        assertThat(r.out().get(2)).isEqualTo("create-connector-resource --poolname kmipPool boat/kmip");
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(Files.readAllBytes(rar)).isEqualTo(Files.readAllBytes(extracted(jar)));
        }
    }

    @Test
    void withKmipServer_aJarWithoutTheAdapter_failsNamingWhatIsMissing() throws Exception {
        Path other = dir.resolve("other.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
            zip.putNextEntry(new ZipEntry("MICRO-INF/deploy/ROOT.war"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }

        Run r = run(KMIP, other.toString(), dir.resolve("home").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(ENTRY).contains(other.toString());
    }

    @Test
    void withKmipServer_noJarGiven_failsWithUsage() throws Exception {
        Run r = run(KMIP);

        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("usage: postdeploy.sh JAR HOME");
    }

    private Path extracted(ZipFile jar) throws IOException {
        Path copy = Files.createTempFile(dir, "rar", ".rar");
        try (InputStream in = jar.getInputStream(jar.getEntry(ENTRY))) {
            Files.write(copy, in.readAllBytes());
        }
        return copy;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> environment = new HashMap<>(pb.environment());
        environment.keySet().removeIf(k -> k.startsWith("BOAT_"));
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")), err);
    }
}
