package io.boat.attestation.client;

/**
 * The attestation service could not be asked: no URL configured, connection refused, connect or read
 * timeout, TLS failure, or an error status other than 404. The message says which, for the log.
 */
public class AttestationServiceUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public AttestationServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
