package io.boat.agent.release;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import io.boat.agent.tpm.KeyBlob;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import tss.tpm.TPM2B_PUBLIC_KEY_RSA;
import tss.tpm.TPMT_PUBLIC;

/**
 * Keys wrapped to a TPM bind key the way BOAT's release does, by producers independent of the agent's
 * unwrapping code: Nimbus for the compact JWE, the JDK's RSA-OAEP for the raw "TPM2\0" block.
 */
public final class WrappedKeys {
    public static final String REPORT_ID = "report-1";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private WrappedKeys() {
    }

    /** {@code n} random bytes: a secret to wrap. */
    public static byte[] secret(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The bind key's public key, from its TPMT_PUBLIC (exponent 0 there means 65537). */
    public static RSAPublicKey publicKey(KeyBlob key) throws Exception {
        TPMT_PUBLIC pub = TPMT_PUBLIC.fromBytes(key.publicArea());
        BigInteger modulus = new BigInteger(1, ((TPM2B_PUBLIC_KEY_RSA) pub.unique).buffer);
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)));
    }

    /** RSA-OAEP-256 + A256GCM to {@code key}, protected header naming {@code kid} and {@link #REPORT_ID}. */
    public static String nimbusJwe(KeyBlob key, String kid, byte[] secret) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
            .keyID(kid).customParam("boat_report_id", REPORT_ID).build(), new Payload(secret));
        jwe.encrypt(new RSAEncrypter(publicKey(key)));
        return jwe.serialize();
    }

    /** One RSA-OAEP block, SHA-256 and MGF1-SHA-256, label {@code label} exactly as given. */
    public static byte[] jdkOaep(KeyBlob key, byte[] secret, byte[] label) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.ENCRYPT_MODE, publicKey(key), new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            new PSource.PSpecified(label)));
        return c.doFinal(secret);
    }

    /** The raw release format: label "TPM2\0". */
    public static byte[] jdkRawWrap(KeyBlob key, byte[] secret) throws Exception {
        return jdkOaep(key, secret, new byte[] {'T', 'P', 'M', '2', 0});
    }
}
