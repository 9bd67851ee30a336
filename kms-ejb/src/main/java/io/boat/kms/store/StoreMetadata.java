package io.boat.kms.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a store returns to find a secret again (a KMIP unique identifier, a ciphertext and its
 * key id, …). Opaque to the core, which persists it verbatim. Values are strings so any store's
 * metadata fits one column; they must never contain plaintext key material.
 */
public record StoreMetadata(String storeName, Map<String, String> values) {

    public StoreMetadata {
        if (storeName == null || storeName.isBlank()) {
            throw new IllegalArgumentException("storeName is required");
        }
        values = Map.copyOf(new TreeMap<>(values));
    }

    public String require(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new StoreException("store metadata is missing '" + key + "'", "Secret storage is inconsistent.");
        }
        return v;
    }

    @Override
    public String toString() {
        return "StoreMetadata[" + storeName + ", keys=" + values.keySet() + "]";
    }
}
