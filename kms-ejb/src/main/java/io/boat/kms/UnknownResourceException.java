package io.boat.kms;

import jakarta.ejb.ApplicationException;

/** What the request names does not exist (or is not visible to anyone, as an expired secret). */
@ApplicationException(rollback = true)
public class UnknownResourceException extends KmsException {

    private static final long serialVersionUID = 1L;

    public UnknownResourceException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public UnknownResourceException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
