package io.boat.kms.store;

import java.util.Locale;
import java.util.Set;

/**
 * A symmetric key to generate: algorithm (normalised to lower case, so "AES" and "aes" are the
 * same request — Barbican's KMIP plugin answered 500 to the former), length in bits and
 * optional mode. Only the combinations BOAT can honour are constructible.
 */
public record KeySpec(String algorithm, int bitLength, String mode) {

    public static final String AES = "aes";
    public static final String HMACSHA256 = "hmacsha256";
    private static final Set<Integer> AES_LENGTHS = Set.of(128, 192, 256);

    public KeySpec {
        algorithm = algorithm == null ? null : algorithm.toLowerCase(Locale.ROOT);
        mode = mode == null ? null : mode.toLowerCase(Locale.ROOT);
        if (!isSupported(algorithm, bitLength)) {
            throw new IllegalArgumentException("Unsupported key: algorithm " + algorithm + ", bit_length " + bitLength);
        }
    }

    /** Whether BOAT generates keys of this algorithm and length. */
    public static boolean isSupported(String algorithm, int bitLength) {
        if (algorithm == null) {
            return false;
        }
        String alg = algorithm.toLowerCase(Locale.ROOT);
        if (AES.equals(alg)) {
            return AES_LENGTHS.contains(bitLength);
        }
        if (HMACSHA256.equals(alg)) {
            return bitLength == 256;
        }
        return false;
    }

    public int byteLength() {
        return bitLength / 8;
    }
}
