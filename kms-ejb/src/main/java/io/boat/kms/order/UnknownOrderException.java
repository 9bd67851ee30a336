package io.boat.kms.order;

import io.boat.kms.UnknownResourceException;
import jakarta.ejb.ApplicationException;

/** No order has the id the request names. */
@ApplicationException(rollback = true)
public class UnknownOrderException extends UnknownResourceException {

    private static final long serialVersionUID = 1L;

    public UnknownOrderException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public UnknownOrderException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
