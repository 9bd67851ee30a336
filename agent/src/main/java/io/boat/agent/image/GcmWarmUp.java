package io.boat.agent.image;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets JCE's AES-GCM compiled before a large image. HotSpot's C2 compiles the callers of the
 * AES-CTR and GHASH intrinsics by invocation count, and a chunk is one invocation: measured on a
 * 2 GiB image, the first ~768 MiB ran at 60-600 MB/s per CPU second, the rest at 1-1.5 GB/s.
 * Twenty thousand 1 KiB operations on a throwaway key, in the direction the image needs, get the
 * same code compiled first (bench/RESULTS.md). No image data or image key is involved.
 */
final class GcmWarmUp {
    /** Below this the warm-up costs more than it saves. */
    static final long WORTH_IT_BYTES = 64L << 20;
    private static final int ROUNDS = 20_000;
    private static final int SIZE = 1024;
    /** Bit 1: encryption warmed up; bit 2: decryption. */
    private static int done;

    private GcmWarmUp() {
    }

    /**
     * Warms up the direction about to run, {@link Cipher#ENCRYPT_MODE} or {@link Cipher#DECRYPT_MODE}:
     * JDK 17 seals and opens in different classes (GaloisCounterMode's GCMEncrypt, GCMDecrypt), so warming both would spend half the time on code
     * the image never runs. Returns whether it ran (not for a small image, nor twice per direction).
     */
    static synchronized boolean before(long imageBytes, int mode) throws GeneralSecurityException {
        int bit = mode == Cipher.ENCRYPT_MODE ? 1 : 2;
        if ((done & bit) != 0 || imageBytes < WORTH_IT_BYTES) {
            return false;
        }
        byte[] throwaway = new byte[32];
        new SecureRandom().nextBytes(throwaway);
        SecretKeySpec key = new SecretKeySpec(throwaway, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] plain = new byte[SIZE];
        byte[] sealed = new byte[SIZE + ImageHeader.TAG_LENGTH];
        byte[] nonce = new byte[12];
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(ImageHeader.TAG_LENGTH * 8, nonce));
        int n = cipher.doFinal(plain, 0, SIZE, sealed, 0);
        for (int i = 0; i < ROUNDS; i++) {
            if (mode == Cipher.ENCRYPT_MODE) {
                // The JDK refuses to encrypt twice under one key and nonce: byte 2 keeps these apart from the seal above.
                nonce[0] = (byte) i;
                nonce[1] = (byte) (i >>> 8);
                nonce[2] = 1;
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(ImageHeader.TAG_LENGTH * 8, nonce));
                cipher.doFinal(plain, 0, SIZE, sealed, 0);
            } else {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(ImageHeader.TAG_LENGTH * 8, nonce));
                cipher.doFinal(sealed, 0, n, plain, 0);
            }
        }
        done |= bit;
        return true;
    }
}
