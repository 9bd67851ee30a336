package io.boat.kms;

import jakarta.ejb.ApplicationException;

/**
 * The one exception family of the KMS: each subclass names a failure in domain words (unknown
 * secret, not permitted, already exists, …) and carries a client-safe message, separate from the
 * log message (which may name internals but never key material, tokens or passwords). kms-web's
 * one mapper chooses the HTTP status for each kind and writes Barbican's or Keystone's JSON body.
 */
@ApplicationException(rollback = true)
public class KmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String clientMessage;

    public KmsException(String logMessage, String clientMessage) {
        super(logMessage);
        this.clientMessage = clientMessage;
    }

    public KmsException(String logMessage, String clientMessage, Throwable cause) {
        super(logMessage, cause);
        this.clientMessage = clientMessage;
    }

    /**
     * The named exception for an HTTP-style status, for code written before the named exceptions
     * existed (branches merged after them); new code throws the named exception itself.
     *
     * @deprecated throw {@link InvalidRequestException}, {@link UnknownResourceException}, … directly
     */
    @Deprecated
    public static KmsException client(int status, String message) {
        return switch (status) {
            case 400 -> new InvalidRequestException(message);
            case 401 -> new NotAuthenticatedException(message);
            case 403 -> new NotPermittedException(message);
            case 404 -> new UnknownResourceException(message);
            case 409 -> new AlreadyExistsException(message);
            case 413 -> new PayloadTooLargeException(message);
            default -> throw new IllegalArgumentException("no named exception for status " + status);
        };
    }

    /** Keystone's one answer to every authentication failure: it says nothing more on purpose. */
    public static NotAuthenticatedException unauthorized() {
        return new NotAuthenticatedException("The request you have made requires authentication.");
    }

    public String clientMessage() {
        return clientMessage;
    }
}
