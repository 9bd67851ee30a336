package io.boat.kms;

import jakarta.ejb.ApplicationException;

/** The request breaks a rule of the API (a bad value, a missing field); the message says which. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends KmsException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public InvalidRequestException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
