package io.boat.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to a listener over a plain socket, for requests no HTTP client would send (any Host header,
 * malformed request lines, other protocols' prefaces), and everything the server sends back until
 * it closes the connection.
 */
final class RawHttp {

    /**
     * Only a guard against a test hanging forever: well above Payara's 30 s idle timeout, so a test
     * never depends on how fast an answer comes, only on what it is.
     */
    private static final int HANG_GUARD_MILLIS = 90_000;

    private RawHttp() {
    }

    /** Sends {@code request} to 127.0.0.1:{@code port} and returns all that comes back before the close. */
    static byte[] exchange(int port, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(HANG_GUARD_MILLIS);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }

    /** {@link #exchange(int, byte[])} for a text request and answer (UTF-8). */
    static String exchange(int port, String request) throws IOException {
        return new String(exchange(port, request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
