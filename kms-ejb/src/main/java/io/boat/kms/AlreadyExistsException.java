package io.boat.kms;

import jakarta.ejb.ApplicationException;

/** The request would create what already exists, or write what may be written only once. */
@ApplicationException(rollback = true)
public class AlreadyExistsException extends KmsException {

    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public AlreadyExistsException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
