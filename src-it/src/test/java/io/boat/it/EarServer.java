package io.boat.it;

import io.boat.testing.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The EAR (ear/target/boat.ear) on a full application server, started and stopped by the scripts
 * an operator uses: {@code deploy/payara-server/start.sh|stop.sh} and {@code deploy/wildfly/start.sh|stop.sh}.
 * The servers are the zips Maven unpacked into {@code target/servers}; BOAT's state in them (the
 * Payara domain, WildFly's derived configuration, data and deployments) is reset by
 * {@link #resetAndStart()} only, so {@link #stop()} then {@link #start()} is an operator's restart.
 */
public final class EarServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-ear-admin-password-1";

    /** Generous: a start on the shared 2-core CI machine took up to 165 s under load. */
    private static final int START_TIMEOUT_SECONDS = 420;

    /**
     * Which server, its script folder under deploy/, the ports its start script uses around
     * HTTP_PORT, where it writes the server's pid, and the offset from HTTP_PORT of a port it
     * needs besides HTTP (Payara's admin listener, WildFly's management HTTP).
     */
    public enum Kind {
        PAYARA_SERVER("payara-server", "boat.payara.dir", -80, 20, "glassfish/domains/boat/config/pid", -32),
        WILDFLY("wildfly", "boat.wildfly.dir", 0, 5, "standalone/boat.pid", 2);

        final String scripts;
        final String dirProperty;
        final int portsBelow;
        final int portsAbove;
        final String pidFile;
        final int otherPortOffset;

        Kind(String scripts, String dirProperty, int portsBelow, int portsAbove, String pidFile, int otherPortOffset) {
            this.scripts = scripts;
            this.dirProperty = dirProperty;
            this.portsBelow = portsBelow;
            this.portsAbove = portsAbove;
            this.pidFile = pidFile;
            this.otherPortOffset = otherPortOffset;
        }
    }

    /** What a start or stop script did: its exit status, its output, how long it took. */
    public record Run(int exitCode, String output, long millis) {
    }

    private final Kind kind;
    private final Path serverDir;
    private final Path log;
    private final int port;
    private final Map<String, String> environment = new HashMap<>();
    private boolean started;
    private long startMillis;

    private EarServer(Kind kind) {
        this.kind = kind;
        String dir = System.getProperty(kind.dirProperty);
        if (dir == null) {
            throw new IllegalStateException("system property " + kind.dirProperty + " is not set (run through failsafe)");
        }
        this.serverDir = Path.of(dir).toAbsolutePath();
        this.port = LoopbackPorts.freeBlock(kind.portsBelow, kind.portsAbove);
        try {
            Path work = Path.of(System.getProperty("boat.it.work", "target/it-work"));
            Files.createDirectories(work);
            this.log = Files.createTempDirectory(work, "ear-" + kind.scripts + "-").resolve("scripts.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EarServer of(Kind kind) {
        return new EarServer(kind);
    }

    /**
     * Adds environment variables for the start script, and so for the server JVM, e.g. MicroProfile
     * Config keys in their environment spelling ({@code ATTESTATION_SERVICE_MP_REST_URL}).
     */
    public EarServer withEnvironment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Resets BOAT's state in the server, then {@link #start()}: a first start on a fresh unzip. */
    public EarServer resetAndStart() {
        stop(); // a server an interrupted earlier run left behind would hold the folder and ports
        reset();
        return start();
    }

    /** Runs the start script (deploy if the EAR changed, wait for GET / = 300); fails unless it exits 0. */
    public EarServer start() {
        Run run = runStart();
        startMillis = run.millis();
        if (run.exitCode() != 0) {
            throw new IllegalStateException(kind + " start failed (" + run.exitCode() + "): " + run.output()
                    + "; see the server's log");
        }
        System.out.printf("%s: BOAT EAR ready on %s after %d ms%n", kind, baseUrl(), startMillis);
        return this;
    }

    /** Runs the start script with BOAT's EAR and reports what it did, whatever the outcome. */
    public Run runStart() {
        return runStart(Path.of(System.getProperty("boat.ear", "../ear/target/boat.ear")).toAbsolutePath());
    }

    /** Runs the start script with the EAR given and reports what it did, whatever the outcome. */
    public Run runStart(Path ear) {
        started = true;
        return run(START_TIMEOUT_SECONDS, "start.sh", serverDir.toString(), ear.toString(), String.valueOf(port));
    }

    /** A folder of this server's test run (beside the scripts' log) for files a test makes. */
    public Path workDir() {
        return log.getParent();
    }

    /** Runs the stop script; fails unless it exits 0. */
    public Run stop() {
        started = false;
        Run run = run(120, "stop.sh", serverDir.toString());
        if (run.exitCode() != 0) {
            throw new IllegalStateException(kind + " stop failed (" + run.exitCode() + "): " + run.output());
        }
        return run;
    }

    @Override
    public void close() {
        if (started) {
            stop();
        }
    }

    /** The server JVM's pid as the start script recorded it. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(serverDir.resolve(kind.pidFile)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return port;
    }

    /** A port the server needs besides HTTP (Payara's admin listener, WildFly's management HTTP). */
    public int otherPort() {
        return port + kind.otherPortOffset;
    }

    public long startMillis() {
        return startMillis;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(baseUrl());
    }

    private void reset() {
        List<Path> state = switch (kind) {
            case PAYARA_SERVER -> List.of(serverDir.resolve("glassfish/domains/boat"));
            case WILDFLY -> List.of(serverDir.resolve("standalone/configuration/standalone-boat.xml"),
                    serverDir.resolve("standalone/data"), serverDir.resolve("standalone/tmp"),
                    serverDir.resolve("standalone/log"), serverDir.resolve("standalone/deployments/boat.ear"),
                    serverDir.resolve("standalone/deployments/boat.ear.deployed"),
                    serverDir.resolve("standalone/deployments/boat.ear.failed"));
        };
        state.forEach(EarServer::deleteTree);
        // Zips may lose the executable bit of the launch scripts.
        try (Stream<Path> bin = Files.list(serverDir.resolve("bin"))) {
            bin.filter(p -> p.toString().endsWith(".sh") || p.getFileName().toString().equals("asadmin"))
                    .forEach(p -> p.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Run run(int timeoutSeconds, String script, String... args) {
        Path deploy = Path.of(System.getProperty("boat.deploy.dir", "../deploy")).toAbsolutePath();
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", deploy.resolve(kind.scripts).resolve(script).toString()));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(log.getParent(), script, ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(environment);
            pb.environment().put("BOAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
            pb.environment().put("BOAT_START_TIMEOUT", String.valueOf(timeoutSeconds - 20));
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            String output = Files.readString(out);
            Files.writeString(log, "$ " + String.join(" ", cmd) + "\n" + output, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new Run(finished ? p.exitValue() : -1, output, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
