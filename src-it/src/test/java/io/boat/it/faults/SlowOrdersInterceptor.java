package io.boat.it.faults;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Fault injection for tests: holds each order's key generation for {@code -Dboat.it.order-delay-ms}
 * (30 s by default), so that a test can kill the server while an accepted order is still PENDING;
 * with {@code -Dboat.it.order-failures=N}, the first N key generations fail instead, as a
 * transient store error would.
 */
@SlowOrders
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SlowOrdersInterceptor {

    static final String DELAY_PROPERTY = "boat.it.order-delay-ms";
    static final String FAILURES_PROPERTY = "boat.it.order-failures";
    /** Logged when the fault holds a call, so a test can tell the fault was in effect. */
    public static final String MARKER = "boat-it fault: holding key generation";
    /** The message of an injected failure. */
    public static final String FAILURE = "boat-it fault: key generation failed";

    private static final Logger LOG = Logger.getLogger(SlowOrdersInterceptor.class.getName());
    private static final AtomicInteger FAILED = new AtomicInteger();

    @AroundInvoke
    public Object delay(InvocationContext call) throws Exception {
        if (FAILED.getAndIncrement() < Integer.getInteger(FAILURES_PROPERTY, 0)) {
            throw new IllegalStateException(FAILURE);
        }
        long millis = Long.getLong(DELAY_PROPERTY, 30_000);
        LOG.info(() -> MARKER + " for " + millis + " ms");
        Thread.sleep(millis);
        return call.proceed();
    }
}
