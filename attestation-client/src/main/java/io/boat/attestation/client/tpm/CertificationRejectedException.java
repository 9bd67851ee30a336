package io.boat.attestation.client.tpm;

/**
 * A TPM2_Certify does not prove what it claims: malformed, not signed by the AK, not TPM-generated,
 * certifying another key, or certifying a key that may leave its TPM. The message says which.
 */
public class CertificationRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificationRejectedException(String message) {
        super(message);
    }
}
