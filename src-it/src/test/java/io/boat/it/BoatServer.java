package io.boat.it;

import io.boat.it.faults.FaultJar;
import io.boat.testing.LoopbackPorts;
import io.boat.testing.MicroProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default as a real process: {@code java -jar boat-micro.jar} with the pre- and post-boot
 * commands {@code deploy/preboot.sh} and {@code deploy/postboot.sh} write and the container tuning of {@code deploy/tuning.sh}
 * (as {@code deploy/boat.sh} starts it), in its own home directory, on a free port.
 * Restartable on the same home, so tests can prove what survives a stop or a crash.
 */
public final class BoatServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-password-1";

    private final Path home;
    private final Map<String, String> env;
    private final List<String> javaOptions;
    private final int port;
    private MicroProcess process;

    private BoatServer(Path home, Map<String, String> env, List<String> javaOptions) {
        this.home = home;
        this.env = env;
        this.javaOptions = javaOptions;
        this.port = freePort();
    }

    /** A server on a fresh H2 database in a new home. */
    public static BoatServer h2(String name, String... javaOptions) {
        return new BoatServer(newHome(name), new HashMap<>(), List.of(javaOptions));
    }

    /** A server on H2 keeping secrets in the KMIP server described by {@code kmipEnv} (BOAT_KMIP_*). */
    public static BoatServer kmip(String name, Map<String, String> kmipEnv, String... javaOptions) {
        return new BoatServer(newHome(name), new HashMap<>(kmipEnv), List.of(javaOptions));
    }

    /** A server on the PostgreSQL database {@code url} (which it shares with nothing else). */
    public static BoatServer postgres(String name, String url, String user, String password, String... javaOptions) {
        Map<String, String> env = new HashMap<>();
        env.put("BOAT_DB_URL", url);
        env.put("BOAT_DB_USER", user);
        env.put("BOAT_DB_PASSWORD", password);
        return new BoatServer(newHome(name), env, List.of(javaOptions));
    }

    /**
     * A node of a two-node cluster: its own home and port, the H2 database {@code url} it shares with
     * the other node (H2's AUTO_SERVER mode lets two processes open one file).
     */
    public static BoatServer clusterNode(String name, String url, String... javaOptions) {
        Map<String, String> env = new HashMap<>();
        env.put("BOAT_DB_URL", url);
        return new BoatServer(newHome(name), env, List.of(javaOptions));
    }

    /**
     * Sets a variable of the server's and its post-boot script's environment (e.g. the BOAT_TLS_*
     * settings of the HTTPS listener) for the next start.
     */
    public BoatServer withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public BoatServer start() {
        return start(javaOptions);
    }

    /** Starts (again) on the same home and port, with these extra JVM options. */
    public BoatServer start(List<String> options) {
        return start(options, List.of());
    }

    /**
     * Starts (again) with order processing held for {@code delay} before each attempt, by a test-only
     * jar added to Payara Micro ({@link FaultJar}), so that a kill lands while an order is PENDING.
     */
    public BoatServer startWithSlowOrders(Duration delay) {
        return startWithFault(() -> FaultJar.slowOrders(home, delay));
    }

    /** Starts with the test-only fault jar failing the first {@code failures} key generations. */
    public BoatServer startWithFailingOrders(int failures) {
        return startWithFault(() -> FaultJar.failingOrders(home, failures));
    }

    private interface FaultOptions {
        FaultJar.Options write() throws IOException;
    }

    private BoatServer startWithFault(FaultOptions fault) {
        FaultJar.Options options;
        try {
            options = fault.write();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return start(options.java(), options.micro());
    }

    /** Starts (again) with extra JVM options and extra Payara Micro arguments. */
    private BoatServer start(List<String> options, List<String> microArguments) {
        try {
            Path preboot = script("preboot.sh", "preboot.asadmin", home.toString());
            Files.writeString(preboot, Files.readString(script("tuning.sh", "tuning.asadmin", "asadmin")),
                    StandardOpenOption.APPEND);
            Path postboot = script("postboot.sh", "postboot.asadmin", home.toString());
            Path postdeploy = script("postdeploy.sh", "postdeploy.asadmin", System.getProperty("boat.jar"),
                    home.toString());
            List<String> cmd = new ArrayList<>(List.of("java"));
            cmd.addAll(List.of(Files.readString(script("tuning.sh", "tuning.jvm", "jvm")).trim().split("\\s+")));
            cmd.add("-Dboat.data-dir=" + home);
            if (env.containsKey("BOAT_KMIP_HOST")) {
                cmd.add("-Dboat.secret-store=kmip");
            }
            cmd.addAll(options);
            cmd.addAll(List.of("-jar", System.getProperty("boat.jar"), "--nohazelcast", "--port",
                    String.valueOf(port), "--prebootcommandfile", preboot.toString(),
                    "--postbootcommandfile", postboot.toString(),
                    "--postdeploycommandfile", postdeploy.toString()));
            cmd.addAll(microArguments);
            ProcessBuilder server = new ProcessBuilder(cmd).directory(home.toFile());
            for (String setting : Files.readAllLines(script("tuning.sh", "tuning.env", "env"))) {
                String[] nameValue = setting.split("=", 2);
                server.environment().put(nameValue[0], nameValue[1]);
            }
            server.environment().putAll(env);
            server.environment().put("BOAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = MicroProcess.start(server, log(), URI.create(baseUrl() + "/"), 300, Duration.ofSeconds(180));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs one of deploy/'s command-file generators with this server's environment. */
    private Path script(String name, String output, String... args) throws IOException, InterruptedException {
        Path out = home.resolve(output);
        List<String> cmd = new ArrayList<>(List.of("bash", deployDir().resolve(name).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (pb.start().waitFor() != 0) {
            throw new IllegalStateException(name + " failed");
        }
        return out;
    }

    private static Path deployDir() {
        return Path.of(System.getProperty("boat.deploy.dir", "../deploy"));
    }

    private Path log() {
        return home.resolve("server.log");
    }

    /** A clean stop (SIGTERM), as an operator would do. */
    public void stop() {
        if (process != null) {
            try {
                process.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the server's log (this start's or an earlier one's) contains {@code marker}. */
    public void awaitLog(String marker, Duration timeout) {
        try {
            process.awaitLog(marker, timeout);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A crash: SIGKILL, no chance to finish anything. */
    public void kill() {
        if (process != null) {
            try {
                process.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The port for an HTTPS listener (BOAT_HTTPS_PORT): the one after the HTTP port, free as well. */
    public int httpsPort() {
        return port + 1;
    }

    public String httpsUrl() {
        return "https://127.0.0.1:" + httpsPort();
    }

    /** The server process's id, for {@link ListeningSockets}. */
    public long pid() {
        return process.pid();
    }

    public Path home() {
        return home;
    }

    public Api api() {
        return new Api(baseUrl());
    }

    @Override
    public void close() {
        stop();
    }

    private static Path newHome(String name) {
        try {
            Path work = Path.of(System.getProperty("boat.it.work", "target/it-work"));
            Files.createDirectories(work);
            return Files.createTempDirectory(work, name + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        return LoopbackPorts.freePair();
    }
}
