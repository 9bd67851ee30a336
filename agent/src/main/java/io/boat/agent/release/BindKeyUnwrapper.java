package io.boat.agent.release;

import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.BindKey;
import io.boat.agent.tpm.PcrPolicyFailedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Unwraps a released key inside the TPM with the enrolled bind key: the JWE's content key with OAEP
 * SHA-256 and the empty label, or the raw block with the label "TPM2\0". A PCR-bound key is used through
 * a TPM2_PolicyPCR session; when the TPM refuses it, the error names the PCRs that changed since enrollment.
 */
public final class BindKeyUnwrapper {
    /** The raw format's OAEP label without its terminating zero byte, which the TPM receives too. */
    static final String RAW_LABEL = "TPM2";
    private final AgentTpm tpm;
    private final BindKey bindKey;

    public BindKeyUnwrapper(AgentTpm tpm, BindKey bindKey) {
        this.tpm = tpm;
        this.bindKey = bindKey;
    }

    /** The key bytes; the caller wipes them. */
    public byte[] unwrap(WrapFormat format, byte[] answer) {
        return format == WrapFormat.JWE ? jwe(new String(answer, StandardCharsets.US_ASCII)) : raw(answer);
    }

    /** Checks the JWE is addressed to this bind key before the TPM sees it, then AES-GCM with the TPM-unwrapped CEK. */
    public byte[] jwe(String compact) {
        CompactJwe jwe = CompactJwe.parse(compact);
        jwe.requireKid(bindKey.nameHex());
        byte[] cek = rsaDecrypt(jwe.encryptedKey(), null);
        try {
            return jwe.decrypt(cek);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
    }

    public byte[] raw(byte[] block) {
        return rsaDecrypt(block, RAW_LABEL);
    }

    private byte[] rsaDecrypt(byte[] block, String label) {
        try {
            return tpm.unwrap(bindKey.blob(), block, label, bindKey.policyPcrs());
        } catch (PcrPolicyFailedException e) {
            throw explain(e);
        }
    }

    /** Reads the policy PCRs again to say which differ from their values when the key was created. */
    private PcrPolicyFailedException explain(PcrPolicyFailedException e) {
        SortedMap<Integer, byte[]> now = tpm.readPcrs(bindKey.policyPcrs().stream().mapToInt(i -> i).toArray());
        List<Integer> changed = bindKey.policyPcrValues().entrySet().stream()
            .filter(en -> !MessageDigest.isEqual(en.getValue(), now.get(en.getKey()))).map(SortedMap.Entry::getKey).toList();
        if (changed.isEmpty()) {
            return e;
        }
        return new PcrPolicyFailedException(changed, "the TPM refused to unwrap with the PCR-bound bind key: PCR"
            + (changed.size() == 1 ? " " + changed.get(0) + " has" : "s " + changed + " have")
            + " changed since enrollment (TPM_RC_POLICY_FAIL); this host no longer runs the boot state the key was bound to");
    }
}
