package io.boat.kms.release;

import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The raw release format Intel SecL's key broker sends: one RSA-OAEP block (SHA-256, MGF1-SHA-256)
 * with the label "TPM2\0", which {@code TPM2_RSA_Decrypt} (tpm2_rsadecrypt -s oaep -l) unwraps.
 *
 * <p>Security guarantees: only the holder of the bind key's private part, i.e. that TPM, can
 * recover the secret; OAEP makes each wrap randomised. There is no integrity beyond OAEP's own
 * check, and no binding to the trust report: use the JWE format when that matters.
 */
public final class TpmOaepWrap {
    /** The label exactly as the TPM receives it: the TPM requires a non-empty label to end in a zero byte. */
    private static final byte[] LABEL = {'T', 'P', 'M', '2', 0};
    private static final int SHA256_BYTES = 32;

    private TpmOaepWrap() {
    }

    /** The largest secret one block of {@code target}'s key can carry: k - 2 hLen - 2 (RFC 8017 §7.1.1). */
    public static int maxSecretBytes(BindKeyTarget target) {
        return target.modulusBytes() - 2 * SHA256_BYTES - 2;
    }

    /** Wraps {@code secret}; refuses a secret that does not fit one block rather than splitting it. */
    public static byte[] wrap(SecretBytes secret, BindKeyTarget target) {
        int max = maxSecretBytes(target);
        if (secret.length() > max) {
            throw new ReleaseException(ReleaseException.Reason.SECRET_TOO_LARGE_FOR_RAW_WRAP, "secret of "
                + secret.length() + " bytes exceeds the " + max + " bytes one OAEP block of this bind key holds");
        }
        byte[] plain = secret.bytes();
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, target.publicKey(), new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, new PSource.PSpecified(LABEL)), Rng.get());
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new ReleaseException(ReleaseException.Reason.WRAP_FAILED,
                "RSA-OAEP wrap failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
