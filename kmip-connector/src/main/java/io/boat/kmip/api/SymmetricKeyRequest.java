package io.boat.kmip.api;

import java.util.Objects;

/** A symmetric key for the server to generate: algorithm, length in bits, optional Name attribute. */
public record SymmetricKeyRequest(KeyAlgorithm algorithm, int bitLength, String name) {
    public SymmetricKeyRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        if (bitLength <= 0 || bitLength % 8 != 0) {
            throw new IllegalArgumentException("Invalid key length " + bitLength + "; must be a positive multiple of 8");
        }
    }

    public SymmetricKeyRequest(KeyAlgorithm algorithm, int bitLength) {
        this(algorithm, bitLength, null);
    }
}
