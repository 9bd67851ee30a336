package io.boat.attestation.client;

import java.util.Map;
import java.util.TreeMap;

/**
 * The PCR values a host group's policy expects, one per PCR, as a trust report states them:
 * {@code {"bank":"sha256","values":{"0":"<hex>",...}}}. A relying party recomputes a PCR-bound bind
 * key's TPM2_PolicyPCR digest from them.
 */
public class ReferencePcrs {
    public static final String SHA256 = "sha256";

    private String bank = SHA256;
    /** PCR index (decimal) to the expected value, lower-case hex. */
    private Map<String, String> values = new TreeMap<>();

    public ReferencePcrs() {
    }

    public ReferencePcrs(String bank, Map<String, String> values) {
        this.bank = bank;
        this.values = new TreeMap<>(values);
    }

    public String getBank() { return bank; }
    public void setBank(String bank) { this.bank = bank; }
    public Map<String, String> getValues() { return values; }
    public void setValues(Map<String, String> values) { this.values = values; }

    @Override
    public String toString() {
        return "ReferencePcrs[" + bank + ", " + values.keySet() + "]";
    }
}
