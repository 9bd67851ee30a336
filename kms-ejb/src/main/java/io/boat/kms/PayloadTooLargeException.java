package io.boat.kms;

import jakarta.ejb.ApplicationException;

/** A request body or a secret is larger than BOAT accepts. */
@ApplicationException(rollback = true)
public class PayloadTooLargeException extends KmsException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public PayloadTooLargeException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
