package io.boat.attestation.client.tpm;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Computes the policy digest a TPM2_PolicyPCR assertion produces (TPM 2.0 Part 3 §23.7), so a
 * relying party can tell whether a key's authPolicy demands exactly the reference PCR values:
 * policyDigest_new = H(policyDigest_old || TPM_CC_PolicyPCR || pcrs || H(selected PCR values)),
 * starting from a zero digest of the policy hash's size.
 */
public final class PolicyPcr {
    /** TPM_CC_PolicyPCR (Part 2, Table 12). */
    static final int TPM_CC_POLICY_PCR = 0x0000017F;

    private PolicyPcr() {
    }

    /**
     * The digest of a policy consisting of one TPM2_PolicyPCR, with {@code values} the expected PCR
     * values in selection order (each the size of its bank's hash).
     */
    public static byte[] digest(int policyHashAlg, PcrSelection selection, List<byte[]> values)
            throws TpmFormatException {
        checkValues(selection, values);
        MessageDigest pcrDigest = TpmAlg.digest(policyHashAlg);
        values.forEach(pcrDigest::update);
        MessageDigest policy = TpmAlg.digest(policyHashAlg);
        policy.update(new byte[policy.getDigestLength()]);
        policy.update(new byte[] {0, 0, (byte) (TPM_CC_POLICY_PCR >>> 8), (byte) TPM_CC_POLICY_PCR});
        policy.update(selection.marshal());
        policy.update(pcrDigest.digest());
        return policy.digest();
    }

    private static void checkValues(PcrSelection selection, List<byte[]> values) throws TpmFormatException {
        if (values.size() != selection.size()) {
            throw new TpmFormatException(TpmFormatException.Problem.INCONSISTENT,
                values.size() + " PCR values for a selection of " + selection.size());
        }
        int i = 0;
        for (Map.Entry<Integer, SortedSet<Integer>> bank : selection.banks().entrySet()) {
            int size = TpmAlg.digest(bank.getKey()).getDigestLength();
            for (int pcr : bank.getValue()) {
                if (values.get(i++).length != size) {
                    throw new TpmFormatException(TpmFormatException.Problem.INCONSISTENT,
                        "value for PCR " + pcr + " is not a " + size + "-byte digest");
                }
            }
        }
    }
}
