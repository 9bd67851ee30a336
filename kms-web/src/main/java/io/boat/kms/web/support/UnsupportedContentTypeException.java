package io.boat.kms.web.support;

import io.boat.kms.KmsException;

/** A request body comes in a content type this endpoint does not take. */
public class UnsupportedContentTypeException extends KmsException {

    private static final long serialVersionUID = 1L;

    public UnsupportedContentTypeException(String clientMessage) {
        super(clientMessage, clientMessage);
    }
}
