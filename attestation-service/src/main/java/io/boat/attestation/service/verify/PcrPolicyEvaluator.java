package io.boat.attestation.service.verify;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Compares verified PCR values with a host group's reference values (several accepted values per PCR). */
public final class PcrPolicyEvaluator {
    private PcrPolicyEvaluator() {
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
