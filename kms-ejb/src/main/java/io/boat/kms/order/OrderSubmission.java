package io.boat.kms.order;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Hands an accepted order to {@link OrderProcessor} once the transaction that persisted it has
 * committed, so processing never sees an order that might still roll back (Barbican: persist
 * first, then process).
 */
@ApplicationScoped
public class OrderSubmission {

    @EJB
    OrderProcessor processor;

    void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderAccepted accepted) {
        processor.submit(accepted.orderId());
    }
}
