package io.boat.attestation.service.tpm;

import io.boat.attestation.client.tpm.TpmAlg;
import io.boat.attestation.client.tpm.TpmFormatException;
import io.boat.attestation.client.tpm.TpmPublic;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifier-side TPM2_MakeCredential (TPM 2.0 Part 1, 24) for an RSA EK, in plain JCE with
 * {@link SecureRandom}: only the TPM holding the EK private key, with the named object loaded,
 * can recover {@code credential} through TPM2_ActivateCredential.
 */
public final class MakeCredential {
    /** TPM2B_ID_OBJECT contents and TPM2B_ENCRYPTED_SECRET contents (both without their size prefix). */
    public record Result(byte[] credentialBlob, byte[] encryptedSecret) {
    }

    private final SecureRandom random;

    public MakeCredential(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param ek the endorsement key's public area (RSA, restricted decrypt, symmetric AES-CFB)
     * @param objectName name of the key to be bound (the AK)
     * @param credential the secret, at most the EK nameAlg digest size
     */
    public Result make(TpmPublic ek, byte[] objectName, byte[] credential) throws TpmFormatException {
        int nameAlg = ek.nameAlg();
        int digestSize = TpmAlg.digest(nameAlg).getDigestLength();
        if (ek.symmetricAlg() != TpmAlg.AES || ek.symmetricMode() != TpmAlg.CFB) {
            throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, "EK symmetric algorithm is not AES-CFB");
        }
        if (credential.length == 0 || credential.length > digestSize) {
            throw new IllegalArgumentException("credential must be 1.." + digestSize + " bytes");
        }
        byte[] seed = new byte[digestSize];
        random.nextBytes(seed);
        try {
            byte[] encryptedSecret = oaep(ek, seed);
            byte[] symKey = Kdfa.derive(nameAlg, seed, "STORAGE", objectName, new byte[0], ek.symmetricKeyBits());
            byte[] plain = sized(credential);
            Cipher aes = Cipher.getInstance("AES/CFB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(symKey, "AES"), new IvParameterSpec(new byte[16]));
            byte[] encIdentity = aes.doFinal(plain);
            byte[] hmacKey = Kdfa.derive(nameAlg, seed, "INTEGRITY", new byte[0], new byte[0], digestSize * 8);
            String macName = "Hmac" + TpmAlg.digestName(nameAlg).replace("-", "");
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(hmacKey, macName));
            mac.update(encIdentity);
            mac.update(objectName);
            byte[] outerHmac = mac.doFinal();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            blob.writeBytes(sized(outerHmac));
            blob.writeBytes(encIdentity);
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(symKey, (byte) 0);
            Arrays.fill(hmacKey, (byte) 0);
            Arrays.fill(plain, (byte) 0);
            return new Result(blob.toByteArray(), encryptedSecret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] oaep(TpmPublic ek, byte[] seed) throws GeneralSecurityException, TpmFormatException {
        String digest = TpmAlg.digestName(ek.nameAlg());
        OAEPParameterSpec spec = new OAEPParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
            new PSource.PSpecified("IDENTITY\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, ek.rsaPublicKey(), spec);
        return rsa.doFinal(seed);
    }

    private static byte[] sized(byte[] b) {
        byte[] out = new byte[2 + b.length];
        out[0] = (byte) (b.length >> 8);
        out[1] = (byte) b.length;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }
}
