package io.boat.kms.release;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import io.boat.kms.crypto.Rng;
import io.boat.kms.crypto.SecretBytes;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default release format: a compact JWE, {@code alg} RSA-OAEP-256 and {@code enc} A256GCM, whose
 * protected header names the bind key ({@code kid}, the TPM name in hex) and the trust report that
 * allowed the release ({@value #REPORT_ID_HEADER}). RSA-OAEP-256 uses an empty OAEP label, which
 * TPM2_RSA_Decrypt accepts, so the TPM unwraps the content key and any JOSE library does the rest.
 *
 * <p>Security guarantees: only the bind key's TPM can recover the content key; AES-GCM protects the
 * secret's confidentiality and integrity and, through the protected header as associated data,
 * the integrity of the key name and report id. The content key is fresh for every release.
 */
public final class JweWrap {
    /** Protected-header parameter carrying the trust report id (a private name, RFC 7516 §4.3). */
    public static final String REPORT_ID_HEADER = "boat_report_id";
    private static final int CEK_BYTES = 32;

    private JweWrap() {
    }

    /** The compact serialisation of {@code secret} encrypted to {@code target}. */
    public static String wrap(SecretBytes secret, BindKeyTarget target) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
            .keyID(target.nameHex())
            .customParam(REPORT_ID_HEADER, target.reportId())
            .build();
        // Our own CEK so our copy can be wiped once the JWE is built; JDK 17's SecretKeySpec cannot be
        // destroyed, so its internal copy lives until collected.
        byte[] cek = Rng.bytes(CEK_BYTES);
        byte[] plain = secret.bytes();
        try {
            JWEObject jwe = new JWEObject(header, new Payload(plain));
            jwe.encrypt(new RSAEncrypter(target.publicKey(), new SecretKeySpec(cek, "AES")));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new ReleaseException(ReleaseException.Reason.WRAP_FAILED,
                "JWE encryption failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(cek, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }
}
