package io.boat.kmip.api;

/**
 * The server is unreachable, too slow, refused the TLS handshake, or broke the protocol. The
 * connection that saw it is discarded; another attempt may succeed.
 */
public class KmipConnectionException extends KmipException {

    private static final long serialVersionUID = 1L;

    public KmipConnectionException(String message, Throwable cause) {
        super(ResultReason.GENERAL_FAILURE, message, cause);
    }

    @Override
    public boolean isConnectionFailure() {
        return true;
    }
}
