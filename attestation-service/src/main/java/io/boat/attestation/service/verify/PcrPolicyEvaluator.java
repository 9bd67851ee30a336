package io.boat.attestation.service.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares verified PCR values with a host group's reference values (several accepted values per PCR). */
public final class PcrPolicyEvaluator {
    private PcrPolicyEvaluator() {
    }

    /**
     * A version that names this exact policy: "sha256:" and the digest of its canonical text
     * ("pcr=value|value;..." with PCRs and values sorted). Every instance computes the same version for
     * the same policy, so a report can say what it was judged against without a version counter.
     */
    public static String version(Map<Integer, Set<String>> policy) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(policy).forEach((pcr, accepted) ->
            canonical.append(pcr).append('=').append(String.join("|", new TreeSet<>(accepted))).append(';'));
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param policy PCR index to accepted lower-case hex values
     * @return one reason per PCR that is missing or whose value is not accepted; empty when all match
     */
    public static List<String> evaluate(Map<Integer, Set<String>> policy, Map<Integer, byte[]> values) {
        List<String> reasons = new ArrayList<>();
        SortedMap<Integer, Set<String>> sorted = new TreeMap<>(policy);
        for (Map.Entry<Integer, Set<String>> e : sorted.entrySet()) {
            byte[] value = values.get(e.getKey());
            if (value == null) {
                reasons.add("PCR " + e.getKey() + " was not quoted");
            } else if (!e.getValue().contains(HexFormat.of().formatHex(value))) {
                reasons.add("PCR " + e.getKey() + " value " + HexFormat.of().formatHex(value)
                    + " is not an accepted reference value");
            }
        }
        return reasons;
    }
}
