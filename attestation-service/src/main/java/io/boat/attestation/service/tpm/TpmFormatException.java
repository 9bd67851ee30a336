package io.boat.attestation.service.tpm;

/** A TPM structure is truncated, too long, or holds a value this verifier does not support. */
public class TpmFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public TpmFormatException(String message) {
        super(message);
    }
}
