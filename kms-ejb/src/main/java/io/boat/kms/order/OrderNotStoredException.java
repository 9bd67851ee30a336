package io.boat.kms.order;

import io.boat.kms.KmsException;

/**
 * An accepted order could not be committed (its batch's transaction failed, or did not finish in
 * time). A server-side failure (500): the client gets no 202, so it never holds the reference of
 * an order that was not stored.
 */
public class OrderNotStoredException extends KmsException {
    private static final long serialVersionUID = 1L;

    static final String CLIENT_MESSAGE = "The order could not be stored; nothing was accepted.";

    public OrderNotStoredException(String logMessage, Throwable cause) {
        super(logMessage, CLIENT_MESSAGE, cause);
    }
}
