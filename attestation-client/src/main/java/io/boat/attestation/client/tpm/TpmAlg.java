package io.boat.attestation.client.tpm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** TPM_ALG_ID values used by bind keys, attestation keys and EKs (TPM 2.0 Part 2, Table 9) and their JCE digests. */
public final class TpmAlg {
    public static final int RSA = 0x0001;
    public static final int SHA1 = 0x0004;
    public static final int SHA256 = 0x000B;
    public static final int SHA384 = 0x000C;
    public static final int SHA512 = 0x000D;
    public static final int AES = 0x0006;
    public static final int NULL = 0x0010;
    public static final int SM4 = 0x0013;
    public static final int RSASSA = 0x0014;
    public static final int RSAES = 0x0015;
    public static final int RSAPSS = 0x0016;
    public static final int OAEP = 0x0017;
    public static final int ECC = 0x0023;
    public static final int CAMELLIA = 0x0026;
    public static final int CFB = 0x0043;

    private TpmAlg() {
    }

    /** A fresh digest for a TPM hash algorithm; other identifiers are refused as unsupported. */
    public static MessageDigest digest(int alg) throws TpmFormatException {
        String name = digestName(alg);
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }

    /** The JCE name of a TPM hash algorithm ("SHA-256"); other identifiers are refused as unsupported. */
    public static String digestName(int alg) throws TpmFormatException {
        return switch (alg) {
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
            default -> throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED,
                String.format("unsupported hash algorithm 0x%04x", alg));
        };
    }

    /** The tpm2-tools name of a hash algorithm ("sha256"), or its hex id when unknown. */
    static String toolName(int alg) {
        return switch (alg) {
            case SHA1 -> "sha1";
            case SHA256 -> "sha256";
            case SHA384 -> "sha384";
            case SHA512 -> "sha512";
            default -> String.format("0x%04x", alg);
        };
    }

    /** The hash algorithm of a tpm2-tools bank name ("sha256"), or null when unknown. */
    static Integer byToolName(String name) {
        return switch (name) {
            case "sha1" -> SHA1;
            case "sha256" -> SHA256;
            case "sha384" -> SHA384;
            case "sha512" -> SHA512;
            default -> null;
        };
    }
}
