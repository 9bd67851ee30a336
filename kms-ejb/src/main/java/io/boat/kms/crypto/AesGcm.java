package io.boat.kms.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce, through the JDK provider. The output is
 * {@code nonce || ciphertext || tag}; associated data binds a blob to its owner so it cannot be
 * moved to another secret or project.
 *
 * <p>Security guarantees: confidentiality and integrity of the plaintext and integrity of the
 * associated data. Random nonces keep the collision probability negligible below 2^32
 * encryptions per key, far above what one project KEK protects.
 */
public final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * The provider the JDK's configuration picks for AES-GCM, found once: asked by name alone,
     * {@code Cipher.getInstance} walks the provider list on every call, and it was over half of a
     * payload read's decryption (bench/RESULTS.md, 2026-12-02). A provider preferred in
     * java.security (a FIPS provider, say) is still the one found. It is chosen by the transformation
     * alone: unlike a per-call lookup, a key that provider refuses is not retried with the next one.
     */
    private static final Provider PROVIDER = provider();

    private AesGcm() {
    }

    public static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        Rng.get().nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Decrypts and authenticates; any tampering with blob or associated data fails. */
    public static byte[] decrypt(SecretKey key, byte[] blob, byte[] associatedData) {
        if (blob.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("AES-GCM blob too short: " + blob.length + " bytes", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM authentication failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Provider provider() {
        try {
            return Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
