package io.boat.it.faults;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Logger;

/**
 * Fault injection for tests: holds each order's key generation for {@code -Dboat.it.order-delay-ms}
 * (30 s by default), so that a test can kill the server while an accepted order is still PENDING.
 */
@SlowOrders
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SlowOrdersInterceptor {

    static final String DELAY_PROPERTY = "boat.it.order-delay-ms";
    /** Logged when the fault holds a call, so a test can tell the fault was in effect. */
    public static final String MARKER = "boat-it fault: holding key generation";

    private static final Logger LOG = Logger.getLogger(SlowOrdersInterceptor.class.getName());

    @AroundInvoke
    public Object delay(InvocationContext call) throws Exception {
        long millis = Long.getLong(DELAY_PROPERTY, 30_000);
        LOG.info(() -> MARKER + " for " + millis + " ms");
        Thread.sleep(millis);
        return call.proceed();
    }
}
