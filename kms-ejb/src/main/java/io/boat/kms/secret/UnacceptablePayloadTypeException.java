package io.boat.kms.secret;

import io.boat.kms.KmsException;
import jakarta.ejb.ApplicationException;

/** The client accepts no content type the secret's payload can be returned as. */
@ApplicationException(rollback = true)
public class UnacceptablePayloadTypeException extends KmsException {

    private static final long serialVersionUID = 1L;

    public UnacceptablePayloadTypeException(String clientMessage) {
        super(clientMessage, clientMessage);
    }

    public UnacceptablePayloadTypeException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }
}
