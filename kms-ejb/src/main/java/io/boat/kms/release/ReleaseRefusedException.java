package io.boat.kms.release;

import io.boat.kms.NotAuthenticatedException;

/**
 * The host named in the request may not have the key: unknown, untrusted, its report too old, or
 * outside what the secret's release policy allows. The client message names the reason (e.g. which
 * PCR differs) and never anything about the key.
 */
public class ReleaseRefusedException extends NotAuthenticatedException {
    private static final long serialVersionUID = 1L;

    /** Stable reasons, rendered in snake case in the error body. */
    public enum Reason {
        HOST_UNKNOWN, HOST_UNTRUSTED, REPORT_STALE, HOST_GROUP_NOT_ALLOWED, LOCATION_NOT_ALLOWED,
        ASSET_TAG_NOT_ALLOWED, BIND_KEY_NOT_PCR_BOUND
    }

    private final Reason reason;

    public ReleaseRefusedException(Reason reason, String clientMessage) {
        super(clientMessage, clientMessage);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
