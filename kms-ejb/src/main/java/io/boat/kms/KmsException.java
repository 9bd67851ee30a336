package io.boat.kms;

import jakarta.ejb.ApplicationException;

/**
 * The one exception family of the KMS: carries the HTTP status a client should see and a
 * client-safe message, separate from the log message (which may name internals but never key
 * material, tokens or passwords). kms-web maps it to Barbican's JSON error body.
 */
@ApplicationException(rollback = true)
public class KmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected int status;
    private final String clientMessage;

    public KmsException(int status, String logMessage, String clientMessage) {
        super(logMessage);
        this.status = status;
        this.clientMessage = clientMessage;
    }

    public KmsException(int status, String logMessage, String clientMessage, Throwable cause) {
        super(logMessage, cause);
        this.status = status;
        this.clientMessage = clientMessage;
    }

    /** A client error whose log and client messages are the same. */
    public static KmsException client(int status, String message) {
        return new KmsException(status, message, message);
    }

    /** Keystone's one answer to every authentication failure: it says nothing more on purpose. */
    public static KmsException unauthorized() {
        return client(401, "The request you have made requires authentication.");
    }

    public int status() {
        return status;
    }

    public String clientMessage() {
        return clientMessage;
    }
}
