package io.boat.kms.release;

import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default release format: a compact JWE, {@code alg} RSA-OAEP-256 and {@code enc} A256GCM, whose
 * protected header names the bind key ({@code kid}, the TPM name in hex) and the trust report that
 * allowed the release ({@value #REPORT_ID_HEADER}). RSA-OAEP-256 uses an empty OAEP label, which
 * TPM2_RSA_Decrypt accepts, so the TPM unwraps the content key and any JOSE library does the rest.
 *
 * <p>Security guarantees: only the bind key's TPM can recover the content key; AES-GCM protects the
 * secret's confidentiality and integrity and, through the protected header as associated data,
 * the integrity of the key name and report id. The content key and the IV are fresh for every release.
 *
 * <p>Built with JCE alone (RFC 7516 §5.1 step by step): this runs on every attested release, and a
 * general JOSE library's header objects, JSON mapper and per-call {@code new SecureRandom()} cost
 * more than the RSA public-key operation itself (bench/RESULTS.md).
 */
public final class JweWrap {
    /** Protected-header parameter carrying the trust report id (a private name, RFC 7516 §4.3). */
    public static final String REPORT_ID_HEADER = "boat_report_id";
    private static final int CEK_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** RSA-OAEP-256 (RFC 7518 §4.3): SHA-256, MGF1 with SHA-256, the empty label. */
    private static final OAEPParameterSpec RSA_OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1",
        MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JweWrap() {
    }

    /** The compact serialisation of {@code secret} encrypted to {@code target}. */
    public static String wrap(SecretBytes secret, BindKeyTarget target) {
        String header = B64.encodeToString(protectedHeader(target).getBytes(StandardCharsets.US_ASCII));
        byte[] cek = Rng.bytes(CEK_BYTES);
        byte[] iv = Rng.bytes(IV_BYTES);
        byte[] plain = secret.bytes();
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, target.publicKey(), RSA_OAEP_256, Rng.get());
            byte[] encryptedKey = rsa.doFinal(cek);
            // JDK 17's SecretKeySpec cannot be destroyed: its internal copy of the CEK lives until collected.
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = gcm.doFinal(plain);
            int textLength = sealed.length - TAG_BITS / 8;
            return header + '.' + B64.encodeToString(encryptedKey) + '.' + B64.encodeToString(iv) + '.'
                + B64.encodeToString(Arrays.copyOf(sealed, textLength)) + '.'
                + B64.encodeToString(Arrays.copyOfRange(sealed, textLength, sealed.length));
        } catch (GeneralSecurityException e) {
            throw new ReleaseException(ReleaseException.Reason.WRAP_FAILED,
                "JWE encryption failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(cek, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The protected header's JSON. Written out rather than mapped: both values are safe JSON string
     * content as they are, the name being hex and the report id restricted by {@link BindKeyTarget}.
     */
    static String protectedHeader(BindKeyTarget target) {
        return "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"" + target.nameHex() + "\",\""
            + REPORT_ID_HEADER + "\":\"" + target.reportId() + "\"}";
    }
}
