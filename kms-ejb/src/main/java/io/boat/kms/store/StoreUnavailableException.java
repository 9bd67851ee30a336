package io.boat.kms.store;

/** The store's backend (KMIP server, HSM) is unreachable or timed out: a retry may succeed. */
public class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String logMessage, Throwable cause) {
        super(logMessage, "The key store is temporarily unavailable.", cause);
    }
}
