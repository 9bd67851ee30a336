package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The HTTP listener's own behaviour that BOAT's clients depend on. Java's HttpClient (HTTP/2 by
 * default) asks for an h2c upgrade on the first request of every plain-HTTP connection. With
 * HTTP/2 off on the listener (or port unification in front of it, which turns HTTP/2 off) Grizzly
 * took such a request for an upgrade and its body never reached BOAT: every POST failed with
 * "Could not read the request body" after the body timeout.
 */
class ListenerIT {

    @Test
    void postFromHttp2DefaultClient_onFreshConnection_keepsItsBody() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(SharedServer.get().baseUrl() + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.passwordAuth("admin", BoatServer.ADMIN_PASSWORD, "admin")))
                .build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("Could not read the request body");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Subject-Token")).isPresent();
    }

    /**
     * Keep-alive (deploy/tuning.sh): Payara's default closes a connection after its 250th request;
     * the tuned listener keeps serving a client that keeps its connection open.
     */
    @Test
    void manyRequests_onOneKeptAliveConnection_areAllAnsweredAndTheConnectionStaysOpen() throws IOException {
        URI base = URI.create(SharedServer.get().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = ("GET / HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 1; i <= 300; i++) {
                out.write(request);
                out.flush();
                String head = readHead(in);
                assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 300");
                assertThat(head.toLowerCase(Locale.ROOT)).as("answer %d", i).doesNotContain("connection: close");
                in.readNBytes(contentLength(head));
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        throw new IllegalStateException("no Content-Length in " + head);
    }
}
