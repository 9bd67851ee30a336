package io.boat.kmip.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Attributes as GetAttributes returned them, by attribute name ("State", "Cryptographic Length",
 * …). Values are rendered as text: numbers in decimal, known enumerations by name (State
 * "ACTIVE"), Names by their value, other structures as "{…}". Byte strings are never rendered.
 */
public record KmipAttributes(Map<String, List<String>> values) {

    public KmipAttributes {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of that attribute. */
    public Optional<String> first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
