package io.boat.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Looks at the first line of each new connection before the HTTP codec does, and answers at once
 * what the codec would hold until the idle timeout (30 s): an HTTP/0.9 or otherwise malformed
 * request line (400), {@code CONNECT} (405), and on the cleartext listener an HTTP/2 prior-knowledge
 * preface (an HTTP/2 GOAWAY with HTTP_1_1_REQUIRED; clients that want HTTP/2 there ask for the h2c
 * upgrade). After the first line it steps aside for the rest of the connection.
 */
final class RequestLineGuard extends BaseFilter {

    /** Longer first lines go to the codec, which enforces its own header size limit. */
    static final int MAX_LINE = 8192;

    /**
     * An empty SETTINGS frame (the server preface RFC 9113 requires first) and a GOAWAY frame on
     * stream 0: last stream 0, error code 0xd HTTP_1_1_REQUIRED.
     */
    private static final byte[] HTTP2_REFUSAL = {
        0, 0, 0, 4, 0, 0, 0, 0, 0,
        0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0d,
    };

    private static final Attribute<Boolean> PASSED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestLineGuard.class.getName() + ".passed");

    private final boolean secure;

    RequestLineGuard(boolean secure) {
        this.secure = secure;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (PASSED.isSet(connection)) {
            return ctx.getInvokeAction();
        }
        Buffer input = ctx.getMessage();
        String line = firstLine(input);
        if (line == null) {
            if (input.remaining() < MAX_LINE) {
                return ctx.getStopAction(input);
            }
            PASSED.set(connection, Boolean.TRUE);
            return ctx.getInvokeAction();
        }
        byte[] answer = switch (RequestChecks.firstLine(line, secure)) {
            case PASS -> null;
            case MALFORMED -> Refusal.MALFORMED_REQUEST_LINE.http11Response();
            case CONNECT -> Refusal.CONNECT.http11Response();
            case HTTP2_PREFACE -> HTTP2_REFUSAL;
        };
        if (answer == null) {
            PASSED.set(connection, Boolean.TRUE);
            return ctx.getInvokeAction();
        }
        input.tryDispose();
        ctx.write(Buffers.wrap(connection.getMemoryManager(), answer), new CloseAfterWrite(connection));
        return ctx.getStopAction();
    }

    /**
     * The first line (without CR LF, after the empty lines RFC 9112 lets a server skip), or null
     * while its LF has not arrived yet.
     */
    private static String firstLine(Buffer input) {
        int start = input.position();
        int end = input.limit();
        while (start < end && (input.get(start) == '\r' || input.get(start) == '\n')) {
            start++;
        }
        for (int i = start; i < end; i++) {
            if (input.get(i) == '\n') {
                int stop = i > start && input.get(i - 1) == '\r' ? i - 1 : i;
                byte[] bytes = new byte[stop - start];
                for (int j = start; j < stop; j++) {
                    bytes[j - start] = input.get(j);
                }
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
