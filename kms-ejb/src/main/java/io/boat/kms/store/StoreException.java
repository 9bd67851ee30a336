package io.boat.kms.store;

import io.boat.kms.KmsException;

/**
 * A store could not do what was asked. The message is for the log; {@link #clientMessage()} is
 * what a client may see (store internals never reach clients).
 */
public class StoreException extends KmsException {

    private static final long serialVersionUID = 1L;

    public StoreException(String logMessage, String clientMessage) {
        super(500, logMessage, clientMessage);
    }

    public StoreException(String logMessage, String clientMessage, Throwable cause) {
        super(500, logMessage, clientMessage, cause);
    }

    /** The store's backend (KMIP server, HSM) is unreachable or timed out: retryable, 503. */
    public static StoreException unavailable(String logMessage, Throwable cause) {
        StoreException e = new StoreException(logMessage, "The key store is temporarily unavailable.", cause);
        e.status = 503;
        return e;
    }
}
