package io.boat.attestation.service.verify;

/** TPM evidence is not authentic, not fresh or not well formed; the message says why and is safe to return. */
public class EvidenceRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public EvidenceRejectedException(String reason) {
        super(reason);
    }
}
