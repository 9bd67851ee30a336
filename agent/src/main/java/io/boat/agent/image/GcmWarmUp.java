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
 * Twenty thousand 1 KiB operations on a throwaway key (about 0.2 s of CPU) get the same code
 * compiled first (bench/RESULTS.md). No image data or image key is involved.
 */
final class GcmWarmUp {
    /** Below this the warm-up costs more than it saves. */
    static final long WORTH_IT_BYTES = 64L << 20;
    private static final int ROUNDS = 20_000;
    private static final int SIZE = 1024;
    private static boolean done;

    private GcmWarmUp() {
    }

    static synchronized void before(long imageBytes) throws GeneralSecurityException {
        if (done || imageBytes < WORTH_IT_BYTES) {
            return;
        }
        byte[] throwaway = new byte[32];
        new SecureRandom().nextBytes(throwaway);
        SecretKeySpec key = new SecretKeySpec(throwaway, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] plain = new byte[SIZE];
        byte[] sealed = new byte[SIZE + ImageHeader.TAG_LENGTH];
        byte[] nonce = new byte[12];
        for (int i = 0; i < ROUNDS; i++) {
            nonce[0] = (byte) i;
            nonce[1] = (byte) (i >>> 8);
            GCMParameterSpec spec = new GCMParameterSpec(ImageHeader.TAG_LENGTH * 8, nonce);
            cipher.init(Cipher.ENCRYPT_MODE, key, spec);
            int n = cipher.doFinal(plain, 0, SIZE, sealed, 0);
            cipher.init(Cipher.DECRYPT_MODE, key, spec);
            cipher.doFinal(sealed, 0, n, plain, 0);
        }
        done = true;
    }
}
