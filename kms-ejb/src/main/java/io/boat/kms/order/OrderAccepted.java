package io.boat.kms.order;

/** Fired when an order has been persisted; observed after the transaction commits. */
public record OrderAccepted(String orderId) {
}
