package io.boat.kms.release;

/**
 * What a trust report says about a host's bind key (its public area, its TPM2_Certify by the AK,
 * the AK's public area and the host group's reference PCRs), checked by BOAT itself before a key
 * is wrapped to it.
 */
public interface BindKeyEvidence {

    /**
     * Re-checks the public area (RSA >= 2048, decrypt-only, not restricted, fixedTPM, fixedParent,
     * sensitiveDataOrigin) and its certification by the report's AK, and returns where to wrap.
     *
     * @throws ReleaseException with {@link ReleaseException.Reason#UNUSABLE_BIND_KEY} when any check fails
     */
    BindKeyTarget verifiedTarget(String reportId);

    /**
     * True when the key's authPolicy is TPM2_PolicyPCR over the host group's reference PCR values and
     * userWithAuth is clear, so the TPM itself refuses to unwrap once those PCRs change.
     */
    boolean pcrBound();
}
