package io.boat.kms;

import jakarta.ejb.ApplicationException;

/** The caller is known but its roles or project do not allow the action. */
@ApplicationException(rollback = true)
public class NotPermittedException extends KmsException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public NotPermittedException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
