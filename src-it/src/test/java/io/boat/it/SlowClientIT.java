package io.boat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real slow-body attack (issue 10): 1,000 connections that each announce a 24,000-byte token
 * request and then send one body byte per round. The server must keep serving authenticated
 * requests and must close every slow connection; the driver gives up after a bounded time.
 */
class SlowClientIT {

    private static final int CONNECTIONS = 1000;
    private static final long GIVE_UP_SECONDS = 180;

    @Test
    void thousandSlowBodies_authenticatedPayloadGetSucceeds_andSlowConnectionsAreClosed() throws Exception {
        SharedServer.Tenant tenant = SharedServer.tenant("creator");
        Api creator = tenant.as("creator");
        String payload = Base64.getEncoder().encodeToString("slow-client-secret".getBytes(StandardCharsets.UTF_8));
        String ref = creator.postJson("/v1/secrets", "{\"name\":\"s\",\"payload\":\"" + payload + "\","
                + "\"payload_content_type\":\"application/octet-stream\",\"payload_content_encoding\":\"base64\"}")
                .json().getString("secret_ref");
        URI base = URI.create(SharedServer.get().baseUrl());

        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
                s.setSoTimeout(1);
                s.getOutputStream().write(("POST /v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 24000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                open.add(s);
            }
            trickle(open);

            Api.Response got = creator.get(ref + "/payload", "Accept", "application/octet-stream");
            assertThat(got.status()).isEqualTo(200);
            assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo("slow-client-secret");

            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            while (!open.isEmpty() && System.nanoTime() < giveUp) {
                trickle(open);
                Thread.sleep(1000);
            }
            assertThat(open).as("slow connections the server left open").isEmpty();
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** Sends one more body byte on every connection and drops those the server has closed. */
    private static void trickle(List<Socket> open) throws IOException {
        for (var it = open.iterator(); it.hasNext(); ) {
            Socket s = it.next();
            if (closedByServer(s)) {
                s.close();
                it.remove();
                continue;
            }
            try {
                s.getOutputStream().write(' ');
            } catch (IOException e) {
                s.close();
                it.remove();
            }
        }
    }

    /** True once the server has answered (503/408) and closed, i.e. the stream ends. */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
