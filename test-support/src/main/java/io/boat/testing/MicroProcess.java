package io.boat.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process started by a test: its output appended to a log file, ready once a
 * URL answers an expected status, stopped cleanly (SIGTERM) or killed (SIGKILL, a crash).
 *
 * <p>Rarely (about 1 start in 25 on a loaded machine) Grizzly's HTTP listener does not come up
 * ("GrizzlyProxy is NULL") and the server never answers: that start, and only that, is retried.
 */
public final class MicroProcess implements AutoCloseable {

    private static final String LISTENER_FAILED = "GrizzlyProxy is NULL";
    private static final int STARTS = 3;

    private final Process process;
    private final Path log;

    private MicroProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command}'s process (output appended to {@code log}) and waits until
     * {@code readyUri} answers {@code readyStatus}; fails with the log's tail if the process
     * exits or is not ready within {@code timeout}.
     */
    public static MicroProcess start(ProcessBuilder command, Path log, URI readyUri, int readyStatus, Duration timeout)
            throws IOException, InterruptedException {
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        for (int attempt = 1; ; attempt++) {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            MicroProcess started = new MicroProcess(command.start(), log);
            boolean ready = false;
            try {
                ready = started.awaitReady(logStart, readyUri, readyStatus, timeout);
            } finally {
                if (!ready) {
                    // a server that never became ready is not left running behind a failed test
                    started.kill();
                }
            }
            if (ready) {
                return started;
            }
            if (attempt == STARTS) {
                throw new IllegalStateException("Payara Micro's HTTP listener failed " + STARTS + " times; see " + log);
            }
            Thread.sleep(2000);
        }
    }

    /** Starts {@code command}'s process without waiting for it (for deployments expected to fail). */
    public static MicroProcess launch(ProcessBuilder command, Path log) throws IOException {
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new MicroProcess(command.start(), log);
    }

    /**
     * Waits until the log contains {@code marker}, whatever the deployment's outcome, and returns
     * the log; fails with its tail if the process exits first or the marker does not come in time.
     */
    public String awaitLog(String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.readString(log);
            if (text.contains(marker)) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not log \"" + marker + "\": " + tail());
    }

    /** True once ready; false if the HTTP listener failed to start (the one retryable failure). */
    private boolean awaitReady(long logStart, URI readyUri, int readyStatus, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start: " + tail());
            }
            if (logSince(logStart).contains(LISTENER_FAILED)) {
                return false;
            }
            try {
                // A request timeout too: a send to a server whose listener failed once hung for good.
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(readyUri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == readyStatus) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not become ready at " + readyUri + ": " + tail());
    }

    private String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    public long pid() {
        return process.pid();
    }

    /** The last 4,000 characters of the log, for failure messages. */
    public String tail() throws IOException {
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 4000));
    }

    /** A clean stop (SIGTERM), as an operator would do; forced after 60 s. */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A crash: SIGKILL, no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
