package io.boat.listener;

import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits between the HTTP codec (HTTP/1.x and HTTP/2 alike) and Payara's request processing and
 * answers, with Barbican's JSON error, each request that Payara would otherwise mishandle without
 * running the application: a path with a malformed percent escape (Grizzly's decoder throws,
 * Payara logs it as SEVERE with a stack trace and answers an empty 200, payara/Payara#8000), an
 * empty Host header (an empty 200), and CONNECT. An HTTP/1.x connection is closed after the answer
 * (the rest of the refused request is not read); an HTTP/2 stream just ends.
 */
final class RequestTargetGuard extends BaseFilter {

    private static final Attribute<Boolean> REFUSED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestTargetGuard.class.getName() + ".refused");
    private static final Attribute<Boolean> CHECKED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestTargetGuard.class.getName() + ".checked");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Object message = ctx.getMessage();
        if (!(message instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        if (REFUSED.isSet(request)) {
            content.recycle();
            return ctx.getStopAction();
        }
        if (CHECKED.isSet(request)) {
            return ctx.getInvokeAction();
        }
        CHECKED.set(request, Boolean.TRUE);
        Refusal refusal = refusal(request);
        if (refusal == null) {
            return ctx.getInvokeAction();
        }
        REFUSED.set(request, Boolean.TRUE);
        respond(ctx, request, refusal);
        return ctx.getStopAction();
    }

    private static Refusal refusal(HttpRequestPacket request) {
        if (RequestChecks.isConnect(request.getMethod().getMethodString())) {
            return Refusal.CONNECT;
        }
        if (!RequestChecks.wellEncodedPath(request.getRequestURI())) {
            return Refusal.MALFORMED_PATH;
        }
        if (request.getProtocol() != Protocol.HTTP_2_0 && RequestChecks.emptyHost(request.getHeader(Header.Host))) {
            return Refusal.EMPTY_HOST;
        }
        return null;
    }

    private static void respond(FilterChainContext ctx, HttpRequestPacket request, Refusal refusal) {
        Connection<?> connection = ctx.getConnection();
        boolean http2 = request.getProtocol() == Protocol.HTTP_2_0;
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refusal.status());
        response.setReasonPhrase(refusal.reason());
        response.setContentType("application/json");
        byte[] body = refusal.body();
        response.setContentLengthLong(body.length);
        if (!http2) {
            request.getProcessingState().setKeepAlive(false);
            response.setHeader(Header.Connection, "close");
        }
        HttpContent answer = HttpContent.builder(response).content(Buffers.wrap(connection.getMemoryManager(), body))
                .last(true).build();
        if (http2) {
            ctx.write(answer);
        } else {
            ctx.write(answer, new CloseAfterWrite(connection));
        }
    }
}
