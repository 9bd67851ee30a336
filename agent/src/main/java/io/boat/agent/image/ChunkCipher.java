package io.boat.agent.image;

import io.boat.agent.image.ImageRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one image's chunks: the STREAM construction (Hoang, Reyhanitabar, Rogaway,
 * Vizár 2015), as in Tink's AES-GCM-HKDF streaming AEAD. The per-file key is HKDF-SHA256 of the
 * image key with the header's random salt, so nonces never repeat across files; the nonce is the
 * header's random prefix, the chunk index and a final-chunk flag, so a chunk decrypts only at its
 * own position and only the true last chunk decrypts as last. The whole header is each chunk's
 * associated data.
 */
final class ChunkCipher {
    private static final byte[] HKDF_INFO = "BOAT image v1 AES-256-GCM chunk key".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_LENGTH = 12;
    private static final long MAX_CHUNKS = 1L << 32;

    private final SecretKeySpec key;
    private final byte[] aad;
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private final Cipher cipher;

    ChunkCipher(ImageKey imageKey, ImageHeader header) throws GeneralSecurityException {
        byte[] derived = hkdfSha256(imageKey.bytes(), header.salt(), HKDF_INFO);
        try {
            this.key = new SecretKeySpec(derived, "AES");
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
        this.aad = header.encoded();
        System.arraycopy(header.noncePrefix(), 0, nonce, 0, ImageHeader.NONCE_PREFIX_LENGTH);
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    private ChunkCipher(ChunkCipher same) throws GeneralSecurityException {
        this.key = same.key;
        this.aad = same.aad;
        System.arraycopy(same.nonce, 0, nonce, 0, ImageHeader.NONCE_PREFIX_LENGTH);
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** The same key and header with its own {@link Cipher} and nonce buffer, for another thread (neither is thread-safe). */
    ChunkCipher forAnotherThread() throws GeneralSecurityException {
        return new ChunkCipher(this);
    }

    /** Encrypts {@code len} bytes of {@code in} as chunk {@code index}; returns the bytes written to {@code out}. */
    int seal(long index, boolean last, byte[] in, int len, byte[] out) throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index, last));
        cipher.updateAAD(aad);
        return cipher.doFinal(in, 0, len, out, 0);
    }

    /** Decrypts and verifies chunk {@code index}; returns the plaintext length. */
    int open(long index, boolean last, byte[] in, int len, byte[] out) throws GeneralSecurityException, ImageRejectedException {
        cipher.init(Cipher.DECRYPT_MODE, key, nonce(index, last));
        cipher.updateAAD(aad);
        try {
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (AEADBadTagException e) {
            throw new ImageRejectedException(Reason.AUTHENTICATION_FAILED, "chunk " + index + (last ? " (last)" : "")
                + " failed authentication: wrong key, or the image was modified, reordered, truncated or extended");
        }
    }

    private GCMParameterSpec nonce(long index, boolean last) {
        if (index >= MAX_CHUNKS) {
            throw new IllegalStateException("image too large: more than 2^32 chunks");
        }
        int p = ImageHeader.NONCE_PREFIX_LENGTH;
        nonce[p] = (byte) (index >>> 24);
        nonce[p + 1] = (byte) (index >>> 16);
        nonce[p + 2] = (byte) (index >>> 8);
        nonce[p + 3] = (byte) index;
        nonce[p + 4] = (byte) (last ? 1 : 0);
        return new GCMParameterSpec(ImageHeader.TAG_LENGTH * 8, nonce);
    }

    /** RFC 5869 with one output block (32 bytes is all AES-256 needs). */
    static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        // RFC 5869 2.2: no salt means HashLen zero bytes (and SecretKeySpec rejects an empty key).
        mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        try {
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }
}
