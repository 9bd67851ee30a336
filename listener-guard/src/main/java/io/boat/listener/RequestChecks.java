package io.boat.listener;

import java.util.regex.Pattern;

/**
 * What the listener refuses before Payara sees a request: the verdicts of {@link RequestLineGuard}
 * and {@link RequestTargetGuard}, free of Grizzly types so that they can be tested alone.
 */
final class RequestChecks {

    /** RFC 9112 request-line: a token, one target without spaces, an HTTP version. */
    private static final Pattern REQUEST_LINE =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^ ]+ HTTP/[0-9]\\.[0-9]");

    /** The first line of an HTTP/2 connection preface (RFC 9113 section 3.4). */
    static final String HTTP2_PREFACE_LINE = "PRI * HTTP/2.0";

    /** The outcome of looking at a connection's first request line. */
    enum LineVerdict {
        /** Hand the connection to the HTTP codec. */
        PASS,
        /** Not an HTTP/1.x request line (HTTP/0.9, garbage): 400 and close. */
        MALFORMED,
        /** A proxy tunnel request: 405 and close. */
        CONNECT,
        /** An HTTP/2 prior-knowledge preface on a listener that only upgrades: GOAWAY and close. */
        HTTP2_PREFACE
    }

    private RequestChecks() {
    }

    /**
     * Judges the first line of a connection ({@code line} without its CR LF). On a TLS listener the
     * HTTP/2 preface is what a client that negotiated h2 by ALPN sends, so it passes there.
     */
    static LineVerdict firstLine(String line, boolean secure) {
        if (HTTP2_PREFACE_LINE.equals(line)) {
            return secure ? LineVerdict.PASS : LineVerdict.HTTP2_PREFACE;
        }
        if (!REQUEST_LINE.matcher(line).matches()) {
            return LineVerdict.MALFORMED;
        }
        return isConnect(line.substring(0, line.indexOf(' '))) ? LineVerdict.CONNECT : LineVerdict.PASS;
    }

    static boolean isConnect(String method) {
        return "CONNECT".equals(method);
    }

    /**
     * True when every {@code %} in {@code path} starts a two-digit hex escape and the escapes decode
     * to UTF-8. Grizzly's URI decoder throws on anything else, and Payara then answers an empty 200
     * without running the application (payara/Payara#8000).
     */
    static boolean wellEncodedPath(String path) {
        int pending = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                if (pending > 0) {
                    return false;
                }
                continue;
            }
            if (i + 2 >= path.length() || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
                return false;
            }
            int b = hex(path.charAt(i + 1)) << 4 | hex(path.charAt(i + 2));
            if (pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    return false;
                }
                pending--;
            } else {
                pending = leadingByteContinuations(b);
                if (pending < 0) {
                    return false;
                }
            }
            i += 2;
        }
        return pending == 0;
    }

    /** Continuation bytes a UTF-8 leading byte announces, or -1 for a byte that cannot lead. */
    private static int leadingByteContinuations(int b) {
        if (b < 0x80) {
            return 0;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return 1;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 2;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 3;
        }
        return -1;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** True when an HTTP/1.x request names a Host header with no value (RFC 9112 section 3.2: 400). */
    static boolean emptyHost(String host) {
        return host != null && host.isBlank();
    }
}
