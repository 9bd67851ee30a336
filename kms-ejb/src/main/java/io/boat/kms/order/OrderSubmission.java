package io.boat.kms.order;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands an accepted order, already committed, to {@link OrderProcessor}. A hand-over that fails
 * does not fail the request: the order is stored and acknowledged, so the failure is logged and
 * {@link OrderRecovery} resubmits it.
 */
@ApplicationScoped
public class OrderSubmission {

    private static final Logger LOG = Logger.getLogger(OrderSubmission.class.getName());

    @EJB
    OrderProcessor processor;

    public void submit(String orderId) {
        try {
            processor.submit(orderId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + orderId + " was not queued; recovery resubmits it", e);
        }
    }
}
