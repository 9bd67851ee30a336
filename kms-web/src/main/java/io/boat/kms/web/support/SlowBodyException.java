package io.boat.kms.web.support;

import io.boat.kms.KmsException;

/** A request body did not arrive within the time BOAT gives a client to send one. */
public class SlowBodyException extends KmsException {

    private static final long serialVersionUID = 1L;

    public SlowBodyException(String clientMessage) {
        super(clientMessage, clientMessage);
    }
}
