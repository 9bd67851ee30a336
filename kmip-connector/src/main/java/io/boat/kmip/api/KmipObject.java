package io.boat.kmip.api;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A managed object with its material: symmetric key (with algorithm and length), secret data or
 * opaque object. Never prints its material, compares material in constant time, wipes it on
 * {@link #close()}.
 */
public final class KmipObject implements AutoCloseable {

    private final ObjectKind kind;
    private final KeyAlgorithm algorithm;
    private final int bitLength;
    private final byte[] material;
    private boolean closed;

    private KmipObject(ObjectKind kind, KeyAlgorithm algorithm, int bitLength, byte[] material) {
        this.kind = kind;
        this.algorithm = algorithm;
        this.bitLength = bitLength;
        this.material = material;
    }

    /** A symmetric key; copies {@code key}. */
    public static KmipObject symmetricKey(KeyAlgorithm algorithm, byte[] key) {
        Objects.requireNonNull(algorithm, "algorithm");
        return new KmipObject(ObjectKind.SYMMETRIC_KEY, algorithm, key.length * 8, key.clone());
    }

    /** Secret data (a password or other secret); copies {@code data}. */
    public static KmipObject secretData(byte[] data) {
        return new KmipObject(ObjectKind.SECRET_DATA, null, 0, data.clone());
    }

    /** An opaque object; copies {@code data}. */
    public static KmipObject opaque(byte[] data) {
        return new KmipObject(ObjectKind.OPAQUE_OBJECT, null, 0, data.clone());
    }

    /** For decoders: takes ownership of {@code material}. */
    public static KmipObject adopt(ObjectKind kind, KeyAlgorithm algorithm, int bitLength, byte[] material) {
        return new KmipObject(kind, algorithm, bitLength, material);
    }

    public ObjectKind kind() {
        return kind;
    }

    /** The algorithm of a symmetric key, else {@code null}. */
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** Cryptographic Length of a symmetric key in bits, else 0. */
    public int bitLength() {
        return bitLength;
    }

    /** A copy of the material; wipe it when done. */
    public synchronized byte[] material() {
        if (closed) {
            throw new IllegalStateException("material already wiped");
        }
        return material.clone();
    }

    public synchronized boolean materialEquals(byte[] other) {
        return !closed && MessageDigest.isEqual(material, other);
    }

    @Override
    public synchronized void close() {
        Arrays.fill(material, (byte) 0);
        closed = true;
    }

    @Override
    public String toString() {
        return "KmipObject[" + kind + (algorithm == null ? "" : ", " + algorithm + "/" + bitLength)
                + ", material redacted]";
    }
}
