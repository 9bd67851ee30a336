package io.boat.kms.identity.lockout;

import io.boat.kms.KmsException;
import jakarta.ejb.ApplicationException;

/** A source address has used up its budget of failed logins; it may try again later. */
@ApplicationException(rollback = true)
public class LoginsThrottledException extends KmsException {

    private static final long serialVersionUID = 1L;

    public LoginsThrottledException(String clientMessage) {
        super(clientMessage, clientMessage);
    }
}
