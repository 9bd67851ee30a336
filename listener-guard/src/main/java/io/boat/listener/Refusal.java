package io.boat.listener;

import java.nio.charset.StandardCharsets;

/**
 * A request the listener answers itself: its status and Barbican's error body
 * ({@code {"code":400,"title":"Bad Request","description":"..."}}).
 */
record Refusal(int status, String reason, String description) {

    static final Refusal MALFORMED_REQUEST_LINE = new Refusal(400, "Bad Request",
            "The request line is not HTTP/1.x: expected 'METHOD /path HTTP/1.1'.");
    static final Refusal CONNECT = new Refusal(405, "Method Not Allowed",
            "CONNECT is not supported: this is not a proxy.");
    static final Refusal MALFORMED_PATH = new Refusal(400, "Bad Request",
            "The request path has a malformed percent-encoding: each '%' must start two hex digits of UTF-8.");
    static final Refusal EMPTY_HOST = new Refusal(400, "Bad Request", "The Host header is empty.");

    /** The JSON body; descriptions are constants, so nothing needs escaping. */
    byte[] body() {
        return ("{\"code\":" + status + ",\"title\":\"" + reason + "\",\"description\":\"" + description + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The whole HTTP/1.1 response, for the guard that answers before the HTTP codec. */
    byte[] http11Response() {
        byte[] body = body();
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
