package io.boat.kms.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key material in memory. Never prints itself, compares in constant time, and is wiped on
 * {@link #close()}. Callers copy out with {@link #bytes()} only at the last moment (writing a
 * response, handing to a cipher) and wipe their copy when they can.
 */
public final class SecretBytes implements AutoCloseable {

    private final byte[] value;
    private boolean closed;

    private SecretBytes(byte[] value) {
        this.value = value;
    }

    /** Takes ownership of {@code value}: the caller must not keep or change the array. */
    public static SecretBytes wrap(byte[] value) {
        return new SecretBytes(value);
    }

    /** Copies {@code value}; the caller keeps its array. */
    public static SecretBytes copyOf(byte[] value) {
        return new SecretBytes(value.clone());
    }

    /** A fresh copy of the material. */
    public synchronized byte[] bytes() {
        ensureOpen();
        return value.clone();
    }

    /**
     * Writes the material to {@code out} without making a copy of it; the stream's own buffers
     * are the only other place it then lives.
     */
    public synchronized void writeTo(OutputStream out) throws IOException {
        ensureOpen();
        out.write(value);
    }

    public synchronized int length() {
        ensureOpen();
        return value.length;
    }

    /** Constant-time comparison with another value. */
    public synchronized boolean equalsConstantTime(byte[] other) {
        ensureOpen();
        return MessageDigest.isEqual(value, other);
    }

    @Override
    public synchronized void close() {
        Arrays.fill(value, (byte) 0);
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("secret material already wiped");
        }
    }

    @Override
    public String toString() {
        return "SecretBytes[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
