package io.boat.listener;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
     * True when every {@code %} in {@code path} starts a two-digit hex escape and the path, escapes
     * decoded, is well-formed UTF-8 (the JDK's strict decoder: no overlong forms, no surrogates).
     * Grizzly's URI decoder throws on anything else, and Payara then answers an empty 200 without
     * running the application (payara/Payara#8000).
     */
    static boolean wellEncodedPath(String path) {
        if (path.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < path.length() ? hex(path.charAt(i + 1)) : -1;
            int low = high < 0 ? -1 : hex(path.charAt(i + 2));
            if (low < 0) {
                return false;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** True when an HTTP/1.x request names a Host header with no value (RFC 9112 section 3.2: 400). */
    static boolean emptyHost(String host) {
        return host != null && host.isBlank();
    }
}
