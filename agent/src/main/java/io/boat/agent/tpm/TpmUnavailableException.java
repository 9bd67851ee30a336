package io.boat.agent.tpm;

/** The configured TPM cannot be reached or refused an operation; the message says which and why. */
public class TpmUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TpmUnavailableException(String message) {
        super(message);
    }

    public TpmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
