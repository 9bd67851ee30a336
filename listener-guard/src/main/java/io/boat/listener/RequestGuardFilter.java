package io.boat.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits between Grizzly's HTTP codec and its server filter and answers 400 to requests Payara's
 * web container cannot map: a request target whose percent-encoding does not decode
 * ({@code /v1/secrets/%}, {@code /%zz}) and an empty or (in HTTP/1.1) missing {@code Host}.
 * Payara's CoyoteAdapter throws on both before any application code runs, logs the stack trace
 * at SEVERE and sends an empty 200 - a DELETE that looks successful and did nothing.
 */
public class RequestGuardFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        HttpContent content = ctx.getMessage();
        HttpRequestPacket request = (HttpRequestPacket) content.getHttpHeader();
        String problem = problem(request);
        if (problem == null) {
            return ctx.getInvokeAction();
        }
        HttpResponsePacket response = request.getResponse();
        if (!response.isCommitted()) {
            refuse(ctx, request, response, problem);
        }
        content.recycle();
        return ctx.getStopAction();
    }

    /** Why the request cannot be served, or null if it can. */
    static String problem(HttpRequestPacket request) {
        try {
            request.getRequestURIRef().getDecodedRequestURIBC();
        } catch (IOException | RuntimeException e) {
            // Grizzly's decoder throws CharConversionException for %zz but IllegalStateException for a trailing %.
            return "The request path is not valid percent-encoding.";
        }
        String host = request.getHeader("Host");
        if (host == null ? request.getProtocol() == Protocol.HTTP_1_1 : host.isBlank()) {
            return "The Host header is missing or empty.";
        }
        return null;
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, HttpResponsePacket response,
                               String problem) {
        byte[] body = ErrorBody.json(400, problem).getBytes(StandardCharsets.UTF_8);
        request.getProcessingState().setKeepAlive(false);
        response.setStatus(400);
        response.setReasonPhrase(ErrorBody.title(400));
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.addHeader("Cache-Control", "no-store");
        response.addHeader("X-Content-Type-Options", "nosniff");
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build();
        ctx.write(answer, new CloseAfterWrite(ctx.getConnection()));
    }
}
