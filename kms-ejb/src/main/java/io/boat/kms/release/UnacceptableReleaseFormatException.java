package io.boat.kms.release;

import io.boat.kms.secret.UnacceptablePayloadTypeException;

/**
 * A release to a named host was asked for in a format BOAT cannot wrap into: the {@code Accept} of
 * an attested read, or a secret too large for one raw RSA block (406).
 */
public class UnacceptableReleaseFormatException extends UnacceptablePayloadTypeException {
    private static final long serialVersionUID = 1L;

    public UnacceptableReleaseFormatException(String clientMessage) {
        super(clientMessage);
    }
}
