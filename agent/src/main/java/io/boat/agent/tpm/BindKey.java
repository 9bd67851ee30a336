package io.boat.agent.tpm;

import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The enrolled bind key: its blob and, for a PCR-bound key, the SHA-256 PCR values its TPM2_PolicyPCR
 * authPolicy was computed from (empty for a key used with its empty password).
 */
public record BindKey(KeyBlob blob, SortedMap<Integer, byte[]> policyPcrValues) {

    public BindKey {
        policyPcrValues = new TreeMap<>(policyPcrValues);
    }

    public boolean pcrBound() {
        return !policyPcrValues.isEmpty();
    }

    public List<Integer> policyPcrs() {
        return List.copyOf(policyPcrValues.keySet());
    }

    /** The TPM name, lower-case hex: what BOAT puts in a JWE's kid. */
    public String nameHex() {
        return HexFormat.of().formatHex(blob.name());
    }
}
