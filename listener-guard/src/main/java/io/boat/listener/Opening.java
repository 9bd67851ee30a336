package io.boat.listener;

import java.nio.charset.StandardCharsets;

/**
 * What the first bytes of a connection ask for, decided before Grizzly's HTTP/1.1 codec sees them.
 * Grizzly holds each of the refused openings until the keep-alive timeout (30 s): CONNECT gets its
 * 400 but no close, an HTTP/2 preface gets an HTTP/2 SETTINGS frame and a wait, and an HTTP/0.9
 * line waits for headers that never come.
 */
public enum Opening {
    /** Not decided yet: the request line is incomplete. */
    INCOMPLETE(0, null),
    /** An HTTP/1.x request line (or something the HTTP codec rejects itself): serve as usual. */
    HTTP_1(0, null),
    /** {@code CONNECT host:port}: BOAT is no proxy. */
    CONNECT(400, "CONNECT is not supported: this is not a proxy."),
    /** The HTTP/2 connection preface ({@code PRI * HTTP/2.0}). */
    HTTP_2(505, "HTTP/2 is not supported; use HTTP/1.1."),
    /** A request line without an HTTP version ({@code GET /}): HTTP/0.9. */
    HTTP_0_9(505, "HTTP/0.9 is not supported; use HTTP/1.1.");

    /** A request line longer than this is left to the HTTP codec, which refuses it. */
    static final int MAX_LINE = 8192;

    private static final byte[] CONNECT_PREFIX = "CONNECT ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_2_PREFIX = "PRI * HTTP/2.0".getBytes(StandardCharsets.US_ASCII);

    private final int status;
    private final String reason;

    Opening(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** Classifies the first {@code length} bytes of a connection. */
    public static Opening of(byte[] bytes, int length) {
        if (startsWith(bytes, length, CONNECT_PREFIX)) {
            return CONNECT;
        }
        if (startsWith(bytes, length, HTTP_2_PREFIX)) {
            return HTTP_2;
        }
        int end = indexOf(bytes, length, (byte) '\n');
        if (end < 0) {
            // A prefix of the two refused openings may still become one.
            boolean mayBecomeRefused = isPrefixOf(bytes, length, CONNECT_PREFIX) || isPrefixOf(bytes, length, HTTP_2_PREFIX);
            return length >= MAX_LINE && !mayBecomeRefused ? HTTP_1 : INCOMPLETE;
        }
        String line = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).strip();
        return line.isEmpty() || line.contains(" HTTP/") ? HTTP_1 : HTTP_0_9;
    }

    /** True if the connection is to be answered with {@link #status()} and closed. */
    public boolean refused() {
        return status != 0;
    }

    public int status() {
        return status;
    }

    /** The reason given to the client (Barbican's error {@code description}). */
    public String reason() {
        return reason;
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        return length >= prefix.length && isPrefixOf(bytes, prefix.length, prefix);
    }

    /** True if the first {@code length} bytes agree with {@code prefix} as far as both go. */
    private static boolean isPrefixOf(byte[] bytes, int length, byte[] prefix) {
        for (int i = 0; i < Math.min(length, prefix.length); i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
