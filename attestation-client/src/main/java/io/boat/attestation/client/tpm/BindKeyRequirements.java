package io.boat.attestation.client.tpm;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * What a TPM key must be before BOAT wraps a secret to it: an RSA key of at least 2048 bits that
 * can only decrypt (decrypt set; sign and restricted clear), never leaves its TPM (fixedTPM,
 * fixedParent) and was generated inside it (sensitiveDataOrigin), with a scheme TPM2_RSA_Decrypt
 * can use for OAEP. Optionally the key must also be bound to PCR state: its authPolicy is exactly
 * one TPM2_PolicyPCR over given reference values and userWithAuth is clear, so the TPM itself
 * refuses to unwrap once those PCRs change. Instances are immutable.
 */
public final class BindKeyRequirements {
    private static final int MIN_RSA_BITS = 2048;
    private static final List<ObjectAttributes> REQUIRED = List.of(ObjectAttributes.DECRYPT, ObjectAttributes.FIXED_TPM,
        ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN);
    private static final List<ObjectAttributes> FORBIDDEN = List.of(ObjectAttributes.SIGN, ObjectAttributes.RESTRICTED);

    private final PcrSelection pcrSelection;
    private final List<byte[]> pcrValues;

    private BindKeyRequirements(PcrSelection pcrSelection, List<byte[]> pcrValues) {
        this.pcrSelection = pcrSelection;
        this.pcrValues = pcrValues;
    }

    /** The attribute and size rules, without PCR binding. */
    public static BindKeyRequirements standard() {
        return new BindKeyRequirements(null, List.of());
    }

    /**
     * These rules plus PCR binding to {@code values} (in selection order); fails now if the values
     * do not fit the selection, so a bad reference never surfaces as a refused key.
     */
    public BindKeyRequirements withPcrPolicy(PcrSelection selection, List<byte[]> values) throws TpmFormatException {
        PolicyPcr.digest(TpmAlg.SHA256, selection, values);
        return new BindKeyRequirements(selection, values.stream().map(byte[]::clone).toList());
    }

    public boolean requiresPcrPolicy() {
        return pcrSelection != null;
    }

    /** Every rule {@code key} breaks, in a stable order; empty when the key is usable. */
    public List<String> violations(TpmPublic key) {
        List<String> problems = new ArrayList<>();
        if (key.keyBits() < MIN_RSA_BITS) {
            problems.add("RSA key of " + key.keyBits() + " bits is shorter than " + MIN_RSA_BITS);
        }
        problems.addAll(ObjectAttributes.violations(key.attributes(), REQUIRED, FORBIDDEN));
        if (key.scheme() != TpmAlg.NULL && key.scheme() != TpmAlg.OAEP) {
            problems.add(String.format("scheme 0x%04x does not allow OAEP decryption", key.scheme()));
        }
        if (pcrSelection != null) {
            pcrPolicyViolations(key, problems);
        }
        return problems;
    }

    /** Throws with every broken rule unless {@code key} is usable. */
    public void check(TpmPublic key) throws UnusableBindKeyException {
        List<String> problems = violations(key);
        if (!problems.isEmpty()) {
            throw new UnusableBindKeyException(problems);
        }
    }

    private void pcrPolicyViolations(TpmPublic key, List<String> problems) {
        if (key.has(ObjectAttributes.USER_WITH_AUTH)) {
            problems.add("userWithAuth is set, so the key can be used without satisfying its PCR policy");
        }
        byte[] expected;
        try {
            // A policy digest is computed with the object's nameAlg (Part 1 §19.7.3).
            expected = PolicyPcr.digest(key.nameAlg(), pcrSelection, pcrValues);
        } catch (TpmFormatException e) {
            problems.add("PCR policy cannot be computed with the key's nameAlg: " + e.getMessage());
            return;
        }
        if (!MessageDigest.isEqual(expected, key.authPolicy())) {
            problems.add("authPolicy is not TPM2_PolicyPCR over " + pcrSelection + " with the reference values");
        }
    }
}
