package io.boat.agent.image;

import io.boat.agent.image.ImageRejectedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The header of an encrypted image, format version 1 (byte layout in the README, "Encrypted VM
 * images"). Every field is authenticated: its exact bytes are the associated data of every chunk.
 * Lengths read from a file are checked against fixed bounds before anything is allocated.
 */
public final class ImageHeader {
    static final byte[] MAGIC = {'B', 'O', 'A', 'T', 'I', 'M', 'G', 0};
    static final int VERSION = 1;
    /** HKDF-SHA256 per-file key, AES-256-GCM chunks, 96-bit nonce, 128-bit tag. */
    static final int SUITE = 1;
    static final int SALT_LENGTH = 32;
    static final int NONCE_PREFIX_LENGTH = 7;
    static final int TAG_LENGTH = 16;
    public static final int MIN_CHUNK_SIZE = 1024;
    public static final int MAX_CHUNK_SIZE = 8 << 20;
    /** 64 KiB: the tag costs 0.02 %, and JCE's GCM gets JIT-compiled after fewer bytes than with 1 MiB chunks (bench/RESULTS.md). */
    public static final int DEFAULT_CHUNK_SIZE = 64 << 10;
    static final int MAX_KEY_ID_LENGTH = 255;

    private final int chunkSize;
    private final byte[] salt;
    private final byte[] noncePrefix;
    private final String keyId;
    private final byte[] encoded;

    private ImageHeader(int chunkSize, byte[] salt, byte[] noncePrefix, String keyId) {
        this.chunkSize = chunkSize;
        this.salt = salt;
        this.noncePrefix = noncePrefix;
        this.keyId = keyId;
        this.encoded = encode();
    }

    /** A header for a new image: fresh random salt and nonce prefix. */
    public static ImageHeader create(int chunkSize, String keyId, SecureRandom random) {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("Invalid chunk size " + chunkSize + "; must be between "
                + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE);
        }
        int keyIdLength = keyId.getBytes(StandardCharsets.UTF_8).length;
        if (keyIdLength == 0 || keyIdLength > MAX_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("Invalid key id length " + keyIdLength + "; must be 1.." + MAX_KEY_ID_LENGTH);
        }
        byte[] salt = new byte[SALT_LENGTH];
        byte[] prefix = new byte[NONCE_PREFIX_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        return new ImageHeader(chunkSize, salt, prefix, keyId);
    }

    /** Reads and validates a header; the stream is left at the first chunk. */
    public static ImageHeader read(InputStream in) throws IOException, ImageRejectedException {
        DataInputStream d = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            d.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ImageRejectedException(Reason.NOT_AN_IMAGE, "not a BOAT encrypted image (bad magic)");
            }
            int version = d.readUnsignedByte();
            int suite = d.readUnsignedByte();
            if (version != VERSION || suite != SUITE) {
                throw new ImageRejectedException(Reason.UNSUPPORTED_VERSION,
                    "unsupported image format version " + version + " suite " + suite + "; this agent reads version "
                        + VERSION + " suite " + SUITE);
            }
            int chunkSize = d.readInt();
            if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
                throw new ImageRejectedException(Reason.BAD_HEADER, "bad header: chunk size " + Integer.toUnsignedString(chunkSize)
                    + " outside " + MIN_CHUNK_SIZE + ".." + MAX_CHUNK_SIZE);
            }
            byte[] salt = new byte[SALT_LENGTH];
            byte[] prefix = new byte[NONCE_PREFIX_LENGTH];
            d.readFully(salt);
            d.readFully(prefix);
            int keyIdLength = d.readUnsignedByte();
            if (keyIdLength == 0) {
                throw new ImageRejectedException(Reason.BAD_HEADER, "bad header: empty key id");
            }
            byte[] keyId = new byte[keyIdLength];
            d.readFully(keyId);
            return new ImageHeader(chunkSize, salt, prefix, new String(keyId, StandardCharsets.UTF_8));
        } catch (EOFException e) {
            throw new ImageRejectedException(Reason.TRUNCATED, "truncated image: the header is incomplete");
        }
    }

    private byte[] encode() {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream(64 + id.length);
        b.writeBytes(MAGIC);
        b.write(VERSION);
        b.write(SUITE);
        b.writeBytes(ByteBuffer.allocate(4).putInt(chunkSize).array());
        b.writeBytes(salt);
        b.writeBytes(noncePrefix);
        b.write(id.length);
        b.writeBytes(id);
        return b.toByteArray();
    }

    /** The exact header bytes: written first in the file, and each chunk's associated data. */
    byte[] encoded() {
        return encoded.clone();
    }

    public int chunkSize() {
        return chunkSize;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    /** Refuses an image encrypted under another key than {@code expected}. */
    public void requireKeyId(String expected) throws ImageRejectedException {
        if (!keyId.equals(expected)) {
            throw new ImageRejectedException(Reason.WRONG_SECRET, "image is encrypted under secret " + keyId
                + ", not " + expected);
        }
    }

    /** Names the key the image is encrypted under (the BOAT secret's id). */
    public String keyId() {
        return keyId;
    }
}
