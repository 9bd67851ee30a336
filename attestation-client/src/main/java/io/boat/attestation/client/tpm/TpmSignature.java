package io.boat.attestation.client.tpm;


import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

/** A TPMT_SIGNATURE with an RSASSA-PKCS1-v1_5 signature, verified with plain JCE. */
public final class TpmSignature {
    private final int hashAlg;
    private final byte[] signature;

    private TpmSignature(int hashAlg, byte[] signature) {
        this.hashAlg = hashAlg;
        this.signature = signature;
    }

    public static TpmSignature parse(byte[] tpmtSignature) throws TpmFormatException {
        TpmReader r = new TpmReader(tpmtSignature, "TPMT_SIGNATURE");
        int sigAlg = r.u16("sigAlg");
        if (sigAlg != TpmAlg.RSASSA) {
            throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, String.format("signature scheme 0x%04x is not RSASSA", sigAlg));
        }
        int hash = r.u16("hash");
        if (hash != TpmAlg.SHA256 && hash != TpmAlg.SHA384 && hash != TpmAlg.SHA512) {
            throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, String.format("signature hash 0x%04x is not SHA-256/384/512", hash));
        }
        byte[] sig = r.sized("sig", 512);
        r.end();
        return new TpmSignature(hash, sig);
    }

    public int hashAlg() {
        return hashAlg;
    }

    /** True when this signature over {@code message} verifies with {@code key}. */
    public boolean verifies(byte[] message, RSAPublicKey key) {
        try {
            String alg = TpmAlg.digestName(hashAlg).replace("-", "") + "withRSA";
            Signature s = Signature.getInstance(alg);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | TpmFormatException e) {
            return false;
        }
    }
}
