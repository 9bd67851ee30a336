package io.boat.listener;

import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * Port-unification finder (registered first, before Grizzly's HTTP finder) that claims the
 * connections whose opening {@link Opening} refuses; {@link RefusedOpeningFilter} answers them.
 * It is also the only BOAT code that sees Payara's listener chains, so on the first connection it
 * puts {@link RequestGuardFilter} into each HTTP protocol's chain, in front of Grizzly's server
 * filter (Payara's configuration has no element for a filter there).
 */
public class RefusedOpeningFinder implements ProtocolFinder {

    private final AtomicBoolean guardInstalled = new AtomicBoolean();

    @Override
    public Result find(PUContext puContext, FilterChainContext ctx) {
        if (!guardInstalled.get()) {
            installGuard(ctx.getFilterChain());
        }
        Opening opening = classify(ctx.getMessage());
        if (opening == Opening.INCOMPLETE) {
            return Result.NEED_MORE_DATA;
        }
        return opening.refused() ? Result.FOUND : Result.NOT_FOUND;
    }

    private synchronized void installGuard(FilterChain root) {
        if (guardInstalled.get()) {
            return;
        }
        for (Filter filter : root) {
            if (filter instanceof PUFilter) {
                for (PUProtocol protocol : ((PUFilter) filter).getProtocols()) {
                    FilterChain chain = protocol.getFilterChain();
                    int server = indexOfServerFilter(chain);
                    if (server >= 0) {
                        chain.add(server, new RequestGuardFilter());
                    }
                }
            }
        }
        guardInstalled.set(true);
    }

    private static int indexOfServerFilter(FilterChain chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof RequestGuardFilter) {
                return -1;
            }
            if (chain.get(i) instanceof HttpServerFilter) {
                return i;
            }
        }
        return -1;
    }

    /** The opening of the bytes read so far ({@code message} is the connection's input buffer). */
    static Opening classify(Object message) {
        Buffer buffer = (Buffer) message;
        int length = Math.min(buffer.remaining(), Opening.MAX_LINE);
        byte[] bytes = new byte[length];
        int start = buffer.position();
        for (int i = 0; i < length; i++) {
            bytes[i] = buffer.get(start + i);
        }
        return Opening.of(bytes, length);
    }
}
