package io.boat.kmip.testing;

import io.boat.testing.LoopbackPorts;
import io.boat.testing.TestPki;
import io.boat.kmip.api.KmipConnectionFactory;
import io.boat.kmip.outbound.KmipManagedConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PyKMIP server (Debian {@code python3-pykmip}) for tests: generates its PKI, writes the
 * server configuration (TLS 1.2, client authentication, the four cipher suites that handshake
 * with an RSA key), picks a free port on 127.0.0.1, starts {@code /usr/bin/pykmip-server}, waits
 * until the port accepts, and stops the process on {@link #close()}. Fails loudly when PyKMIP is
 * not installed: these tests are meant to run in CI.
 */
public final class PyKmipServer implements AutoCloseable {

    public static final Path SERVER_BINARY = Path.of("/usr/bin/pykmip-server");
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final String CLIENT_CN = "boat-kms";
    /** OpenSSL names of the suites PyKMIP 0.10 handshakes with an RSA server key. */
    static final List<String> SERVER_SUITES = List.of("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256");
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Path dir;
    private final int port;
    private Process process;

    private PyKmipServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Generates PKI and config under {@code dir} and starts the server. */
    public static PyKmipServer start(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        requireInstalled();
        Files.createDirectories(dir.resolve("policies"));
        writePki(dir);
        PyKmipServer s = new PyKmipServer(dir, freePort());
        s.writeConfig();
        s.launch();
        return s;
    }

    /** A fresh directory under {@code target/pykmip} (or the system temp dir). */
    public static Path newWorkDir(String name) throws IOException {
        Path base = Path.of(System.getProperty("boat.kmip.workdir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    public static void requireInstalled() {
        if (!Files.isExecutable(SERVER_BINARY) || !Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(SERVER_BINARY + " not found: the KMIP integration tests need a real PyKMIP"
                    + " server. Install it with: sudo apt-get install python3-pykmip");
        }
    }

    private static void writePki(Path dir) throws IOException, GeneralSecurityException {
        TestPki.Issued ca = TestPki.ca("BOAT test CA");
        TestPki.Issued server = TestPki.server(ca);
        TestPki.Issued client = TestPki.client(ca, CLIENT_CN);
        TestPki.writePem(dir.resolve("ca.pem"), ca.cert());
        TestPki.writePem(dir.resolve("server.pem"), server.cert());
        TestPki.writePem(dir.resolve("server.key"), server.keys().getPrivate());
        TestPki.writePem(dir.resolve("client.pem"), client.cert());
        TestPki.writePem(dir.resolve("client.key"), client.keys().getPrivate());
        TestPki.writeKeyStore(dir.resolve("client.p12"), client, ca);
        TestPki.writeTrustStore(dir.resolve("truststore.p12"), ca);
        // same CN, issued by a CA the server does not trust
        TestPki.Issued rogueCa = TestPki.ca("Rogue CA");
        TestPki.writeKeyStore(dir.resolve("rogue-client.p12"), TestPki.client(rogueCa, CLIENT_CN), rogueCa);
    }

    private void writeConfig() throws IOException {
        String conf = "[server]\n"
                + "hostname=127.0.0.1\n"
                + "port=" + port + "\n"
                + "certificate_path=" + dir.resolve("server.pem") + "\n"
                + "key_path=" + dir.resolve("server.key") + "\n"
                + "ca_path=" + dir.resolve("ca.pem") + "\n"
                + "auth_suite=TLS1.2\n"
                + "policy_path=" + dir.resolve("policies") + "\n"
                + "enable_tls_client_auth=True\n"
                + "tls_cipher_suites=\n    " + String.join("\n    ", SERVER_SUITES) + "\n"
                + "logging_level=INFO\n"
                + "database_path=" + dir.resolve("pykmip.db") + "\n";
        Files.writeString(dir.resolve("server.conf"), conf, StandardCharsets.UTF_8);
    }

    private void launch() throws IOException, InterruptedException {
        // setsid: own process group, so stop() also reaches the processes PyKMIP forks
        ProcessBuilder pb = new ProcessBuilder("setsid", SERVER_BINARY.toString(),
                "--config_path", dir.resolve("server.conf").toString(),
                "--log_path", dir.resolve("server.log").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
        process = pb.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> signalGroup(started.pid(), "-KILL")));
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pykmip-server exited with " + process.exitValue() + ": " + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        stop();
        throw new IllegalStateException("pykmip-server did not accept on port " + port + ": " + logTail());
    }

    /**
     * Stops the server and the processes it forked (multiprocessing manager): the server runs in a
     * process group of its own (setsid), which gets SIGTERM, then SIGKILL after 3 s (PyKMIP's own
     * shutdown waits ~10 s for its accept timeout).
     */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        signalGroup(process.pid(), "-TERM");
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        signalGroup(process.pid(), "-KILL");
    }

    private static void signalGroup(long pgid, String signal) {
        try {
            new ProcessBuilder("kill", signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing left to signal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port with the same database. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** A managed connection factory configured for this server with the trusted client certificate. */
    public KmipManagedConnectionFactory mcf() {
        return mcf("client.p12");
    }

    /** Same, with another key store from {@link #dir()} (e.g. "rogue-client.p12"). */
    public KmipManagedConnectionFactory mcf(String keyStoreFile) {
        KmipManagedConnectionFactory f = new KmipManagedConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setKeyStorePath(dir.resolve(keyStoreFile).toString());
        f.setKeyStorePassword(TestPki.PASSWORD);
        f.setTrustStorePath(dir.resolve("truststore.p12").toString());
        f.setTrustStorePassword(TestPki.PASSWORD);
        f.setConnectTimeoutMillis(2000);
        f.setReadTimeoutMillis(5000);
        return f;
    }

    /** An unmanaged (self-pooled) connection factory for this server. */
    public KmipConnectionFactory connectionFactory() {
        return mcf().unmanaged();
    }

    /** Runs a Python script with PyKMIP's own client; arguments after the script. Returns stdout. */
    public String runPython(String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "client-", ".py");
        Files.writeString(file, script);
        List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON.toString(), file.toString(),
                "127.0.0.1", Integer.toString(port), dir.resolve("client.pem").toString(),
                dir.resolve("client.key").toString(), dir.resolve("ca.pem").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("python client failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    public String logTail() {
        try {
            String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            String out = Files.exists(dir.resolve("server.out")) ? Files.readString(dir.resolve("server.out")) : "";
            String all = log + out;
            return all.substring(Math.max(0, all.length() - 2000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        return LoopbackPorts.freePair();
    }
}
