package io.boat.agent.tpm;

import java.util.List;

/**
 * The TPM refused to use a PCR-bound bind key (TPM_RC_POLICY_FAIL): at least one of the PCRs its
 * authPolicy covers no longer holds the value it had when the key was created, so this host's boot
 * state has changed since enrollment.
 */
public class PcrPolicyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<Integer> pcrs;

    public PcrPolicyFailedException(List<Integer> pcrs) {
        this(pcrs, "the TPM refused to unwrap with the PCR-bound bind key: PCRs " + pcrs
            + " no longer match its policy (TPM_RC_POLICY_FAIL)");
    }

    public PcrPolicyFailedException(List<Integer> pcrs, String message) {
        super(message);
        this.pcrs = List.copyOf(pcrs);
    }

    /** The PCRs the key's policy covers (or, when known, those that changed). */
    public List<Integer> pcrs() {
        return pcrs;
    }
}
