package io.boat.kmip.api;

/**
 * A KMIP call failed. Either the server answered "operation failed" ({@link #resultReason()}
 * says why, {@link #isConnectionFailure()} is false) or the connection is unusable: refused,
 * timed out, TLS handshake failed, or the peer sent something that is not KMIP
 * ({@link KmipConnectionException}). Messages never contain key material or passwords.
 */
public class KmipException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ResultReason resultReason;

    public KmipException(ResultReason resultReason, String message) {
        super(message);
        this.resultReason = resultReason;
    }

    public KmipException(ResultReason resultReason, String message, Throwable cause) {
        super(message, cause);
        this.resultReason = resultReason;
    }

    /** The KMIP Result Reason; {@link ResultReason#GENERAL_FAILURE} for local failures. */
    public ResultReason resultReason() {
        return resultReason;
    }

    /** Whether the failure is of the transport (retry on another connection) rather than the operation. */
    public boolean isConnectionFailure() {
        return false;
    }
}
