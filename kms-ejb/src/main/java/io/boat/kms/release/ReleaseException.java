package io.boat.kms.release;

import jakarta.ejb.ApplicationException;

/**
 * A release cannot be produced, phrased in domain terms; the web layer chooses the HTTP status.
 * Messages name sizes and identifiers, never key material.
 */
@ApplicationException(rollback = true)
public class ReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the release failed. */
    public enum Reason {
        /** The bind key or its description cannot be used to wrap (too short, malformed name or report id). */
        UNUSABLE_BIND_KEY,
        /** The secret does not fit one RSA-OAEP block of the bind key, so the raw format cannot carry it. */
        SECRET_TOO_LARGE_FOR_RAW_WRAP,
        /** The JDK or JOSE library refused an operation that valid inputs should never fail. */
        WRAP_FAILED
    }

    private final Reason reason;

    public ReleaseException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ReleaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
