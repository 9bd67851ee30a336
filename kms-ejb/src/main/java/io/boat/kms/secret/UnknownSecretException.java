package io.boat.kms.secret;

import io.boat.kms.UnknownResourceException;
import jakarta.ejb.ApplicationException;

/** No live secret has the id the request names. */
@ApplicationException(rollback = true)
public class UnknownSecretException extends UnknownResourceException {

    private static final long serialVersionUID = 1L;

    public UnknownSecretException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public UnknownSecretException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
