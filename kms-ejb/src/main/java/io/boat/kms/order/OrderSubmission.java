package io.boat.kms.order;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands an accepted order to {@link OrderProcessor} once the transaction that persisted it has
 * committed, so processing never sees an order that might still roll back (Barbican: persist
 * first, then process). A hand-over that fails is logged here, since the container would only
 * log it as a failed transaction callback; the order is committed, so {@link OrderRecovery}
 * resubmits it.
 */
@ApplicationScoped
public class OrderSubmission {

    private static final Logger LOG = Logger.getLogger(OrderSubmission.class.getName());

    @EJB
    OrderProcessor processor;

    void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderAccepted accepted) {
        try {
            processor.submit(accepted.orderId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + accepted.orderId() + " was not queued; recovery resubmits it", e);
        }
    }
}
