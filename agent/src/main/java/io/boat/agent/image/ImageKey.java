package io.boat.agent.image;

import java.util.Arrays;

/**
 * An image's AES-256 key. Never prints itself; {@link #close()} overwrites the bytes, so hold it in
 * try-with-resources. The copy inside the JCE key object cannot be wiped (JDK 17's
 * {@code SecretKeySpec} does not support destroy), which is why per-file keys are derived and short-lived.
 */
public final class ImageKey implements AutoCloseable {
    /** AES-256. */
    public static final int LENGTH = 32;
    private final byte[] bytes;
    private boolean closed;

    private ImageKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code material} (the caller wipes its own copy). */
    public static ImageKey copyOf(byte[] material) {
        if (material.length != LENGTH) {
            throw new IllegalArgumentException("Invalid image key size " + material.length + " bytes; only "
                + LENGTH + " (AES-256) is supported");
        }
        return new ImageKey(material.clone());
    }

    /** Copies {@code material} and then wipes it, valid key or not: for callers whose copy is only transit. */
    public static ImageKey takeFrom(byte[] material) {
        try {
            return copyOf(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    byte[] bytes() {
        if (closed) {
            throw new IllegalStateException("image key already wiped");
        }
        return bytes;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        closed = true;
    }

    @Override
    public String toString() {
        return "ImageKey[redacted]";
    }
}
