package io.boat.kms;

import jakarta.ejb.ApplicationException;

/** The caller did not prove who it is (no, a bad or an expired token; wrong credentials). */
@ApplicationException(rollback = true)
public class NotAuthenticatedException extends KmsException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public NotAuthenticatedException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
