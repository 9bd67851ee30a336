package io.boat.kms.store;

import io.boat.kms.KmsException;

/**
 * A store could not do what was asked. The message is for the log; {@link #clientMessage()} is
 * what a client may see (store internals never reach clients).
 */
public class StoreException extends KmsException {

    private static final long serialVersionUID = 1L;

    public StoreException(String logMessage, String clientMessage) {
        super(logMessage, clientMessage);
    }

    public StoreException(String logMessage, String clientMessage, Throwable cause) {
        super(logMessage, clientMessage, cause);
    }

    /** The store's backend (KMIP server, HSM) is unreachable or timed out: worth retrying. */
    public static StoreUnavailableException unavailable(String logMessage, Throwable cause) {
        return new StoreUnavailableException(logMessage, cause);
    }
}
