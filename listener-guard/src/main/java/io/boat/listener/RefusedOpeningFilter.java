package io.boat.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * The whole protocol chain for connections {@link RefusedOpeningFinder} claimed: one HTTP/1.1
 * error response with Barbican's JSON error body, then the connection is closed, instead of
 * leaving the client waiting for Grizzly's keep-alive timeout.
 */
public class RefusedOpeningFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Opening opening = RefusedOpeningFinder.classify(ctx.getMessage());
        int status = opening.refused() ? opening.status() : 400;
        String reason = opening.refused() ? opening.reason() : "Malformed request.";
        ctx.write(Buffers.wrap(ctx.getMemoryManager(), response(status, reason)),
                new CloseAfterWrite(ctx.getConnection()));
        return ctx.getStopAction();
    }

    static byte[] response(int status, String reason) {
        byte[] bodyBytes = ErrorBody.json(status, reason).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + ErrorBody.title(status) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }
}
