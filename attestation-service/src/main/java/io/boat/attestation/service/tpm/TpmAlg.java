package io.boat.attestation.service.tpm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** TPM_ALG_ID values used here (TPM 2.0 Part 2, Table 9) and their JCE names. */
public final class TpmAlg {
    public static final int RSA = 0x0001;
    public static final int SHA1 = 0x0004;
    public static final int AES = 0x0006;
    public static final int SHA256 = 0x000B;
    public static final int SHA384 = 0x000C;
    public static final int SHA512 = 0x000D;
    public static final int NULL = 0x0010;
    public static final int RSASSA = 0x0014;
    public static final int RSAES = 0x0015;
    public static final int RSAPSS = 0x0016;
    public static final int OAEP = 0x0017;
    public static final int ECC = 0x0023;
    public static final int CFB = 0x0043;

    private TpmAlg() {
    }

    /** JCE digest name for a TPM hash algorithm. */
    public static String digestName(int alg) throws TpmFormatException {
        switch (alg) {
            case SHA1: return "SHA-1";
            case SHA256: return "SHA-256";
            case SHA384: return "SHA-384";
            case SHA512: return "SHA-512";
            default: throw new TpmFormatException(String.format("unsupported hash algorithm 0x%04x", alg));
        }
    }

    public static MessageDigest digest(int alg) throws TpmFormatException {
        try {
            return MessageDigest.getInstance(digestName(alg));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int digestSize(int alg) throws TpmFormatException {
        return digest(alg).getDigestLength();
    }
}
