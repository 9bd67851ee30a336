package io.boat.attestation.client.tpm;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The public area of an RSA TPM key (TPMT_PUBLIC, TPM 2.0 Part 2 §12.2.4), kept with its exact wire
 * bytes because the TPM object name is the digest of those bytes. Parsing is strict: every size is
 * bounded before it is trusted, trailing bytes are refused, and fields must agree with each other.
 */
public final class TpmPublic {
    /** TPMU_HA's largest member (SHA-512); an authPolicy can be no longer. */
    private static final int MAX_DIGEST = 64;
    /** TPM2B_PUBLIC_KEY_RSA's buffer (MAX_RSA_KEY_BYTES for 4096-bit keys). */
    private static final int MAX_RSA_BYTES = 512;
    /** Far above any RSA TPMT_PUBLIC (about 360 bytes with a 4096-bit modulus and a SHA-512 policy). */
    private static final int MAX_PUBLIC_AREA = 1024;

    private final byte[] encoded;
    private final int nameAlg;
    private final long attributes;
    private final byte[] authPolicy;
    private final int symmetricAlg;
    private final int symmetricKeyBits;
    private final int symmetricMode;
    private final int scheme;
    private final int schemeHash;
    private final int keyBits;
    private final BigInteger exponent;
    private final byte[] modulus;

    private TpmPublic(byte[] encoded) throws TpmFormatException {
        this.encoded = encoded;
        TpmReader r = new TpmReader(encoded, "TPMT_PUBLIC");
        int type = r.u16("type");
        if (type != TpmAlg.RSA) {
            throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED,
                String.format("key type 0x%04x is not RSA (0x0001)", type));
        }
        nameAlg = r.u16("nameAlg");
        int nameDigestSize = TpmAlg.digest(nameAlg).getDigestLength();
        attributes = r.u32("objectAttributes");
        authPolicy = r.sized("authPolicy", MAX_DIGEST);
        if (authPolicy.length != 0 && authPolicy.length != nameDigestSize) {
            throw new TpmFormatException(TpmFormatException.Problem.INCONSISTENT, "authPolicy of "
                + authPolicy.length + " bytes does not match the " + nameDigestSize + "-byte nameAlg digest");
        }
        symmetricAlg = r.u16("symmetric.algorithm");
        if (symmetricAlg != TpmAlg.NULL) {
            requireOneOf(symmetricAlg, "symmetric algorithm", TpmAlg.AES, TpmAlg.SM4, TpmAlg.CAMELLIA);
            symmetricKeyBits = r.u16("symmetric.keyBits");
            symmetricMode = r.u16("symmetric.mode");
        } else {
            symmetricKeyBits = 0;
            symmetricMode = 0;
        }
        scheme = r.u16("scheme");
        // TPMU_ASYM_SCHEME: the signing and OAEP schemes carry a hash, RSAES and NULL carry nothing.
        if (scheme != TpmAlg.NULL && scheme != TpmAlg.RSAES) {
            requireOneOf(scheme, "RSA scheme", TpmAlg.RSASSA, TpmAlg.RSAPSS, TpmAlg.OAEP);
            schemeHash = r.u16("scheme.hashAlg");
        } else {
            schemeHash = 0;
        }
        keyBits = r.u16("keyBits");
        long e = r.u32("exponent");
        modulus = r.sized("unique", MAX_RSA_BYTES);
        r.end();
        // Part 2 §12.2.3.5: zero stands for the default exponent 2^16 + 1.
        exponent = BigInteger.valueOf(e == 0 ? 65537 : e);
        if (!exponent.testBit(0) || e == 1) {
            throw new TpmFormatException(TpmFormatException.Problem.INCONSISTENT, "RSA exponent " + e + " is unusable");
        }
        if (keyBits == 0 || modulus.length * 8 != keyBits || (modulus[0] & 0x80) == 0) {
            throw new TpmFormatException(TpmFormatException.Problem.INCONSISTENT, "keyBits " + keyBits
                + " does not match the " + modulus.length + "-byte modulus");
        }
    }

    private static void requireOneOf(int alg, String what, int... allowed) throws TpmFormatException {
        for (int a : allowed) {
            if (a == alg) {
                return;
            }
        }
        throw new TpmFormatException(TpmFormatException.Problem.UNSUPPORTED, String.format("%s 0x%04x", what, alg));
    }

    /** Parses a TPMT_PUBLIC that fills {@code tpmtPublic} exactly. */
    public static TpmPublic parse(byte[] tpmtPublic) throws TpmFormatException {
        if (tpmtPublic.length > MAX_PUBLIC_AREA) {
            throw new TpmFormatException(TpmFormatException.Problem.OVERSIZED,
                "TPMT_PUBLIC of " + tpmtPublic.length + " bytes exceeds " + MAX_PUBLIC_AREA);
        }
        return new TpmPublic(tpmtPublic.clone());
    }

    /** Parses a TPM2B_PUBLIC (16-bit size, then the TPMT_PUBLIC), as tpm2_create -u writes it. */
    public static TpmPublic parseSized(byte[] tpm2bPublic) throws TpmFormatException {
        TpmReader r = new TpmReader(tpm2bPublic, "TPM2B_PUBLIC");
        byte[] inner = r.sized("publicArea", MAX_PUBLIC_AREA);
        r.end();
        return new TpmPublic(inner);
    }

    /**
     * Parses either form tools commonly write: a TPM2B_PUBLIC (tpm2-tools' {@code -u ek.pub}: a 16-bit
     * size equal to the rest of the buffer, then the TPMT_PUBLIC) or a bare TPMT_PUBLIC. The two cannot be
     * confused: a TPMT_PUBLIC starts with its key type (RSA is 0x0001), never with its own remaining length.
     */
    public static TpmPublic parseAny(byte[] publicArea) throws TpmFormatException {
        if (publicArea.length >= 2 && ((publicArea[0] & 0xff) << 8 | (publicArea[1] & 0xff)) == publicArea.length - 2) {
            return parseSized(publicArea);
        }
        return parse(publicArea);
    }

    /** The TPM object name: nameAlg (2 bytes, big-endian) followed by H_nameAlg(TPMT_PUBLIC). */
    public byte[] name() {
        MessageDigest md;
        try {
            md = TpmAlg.digest(nameAlg);
        } catch (TpmFormatException e) {
            throw new IllegalStateException("nameAlg was checked when parsing", e);
        }
        byte[] h = md.digest(encoded);
        byte[] name = new byte[2 + h.length];
        name[0] = (byte) (nameAlg >> 8);
        name[1] = (byte) nameAlg;
        System.arraycopy(h, 0, name, 2, h.length);
        return name;
    }

    /** The name in lower-case hex, as tpm2_readpublic prints it and as BOAT identifies keys. */
    public String nameHex() {
        return HexFormat.of().formatHex(name());
    }

    public RSAPublicKey rsaPublicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a checked modulus and exponent were refused", e);
        }
    }

    /** True when {@code other} has this key's modulus and exponent (e.g. the key an EK certificate certifies). */
    public boolean sameKeyAs(RSAPublicKey other) {
        return new BigInteger(1, modulus).equals(other.getModulus()) && exponent.equals(other.getPublicExponent());
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public int nameAlg() {
        return nameAlg;
    }

    public long attributes() {
        return attributes;
    }

    public boolean has(ObjectAttributes attribute) {
        return attribute.isSetIn(attributes);
    }

    public byte[] authPolicy() {
        return authPolicy.clone();
    }

    public int symmetricAlg() {
        return symmetricAlg;
    }

    /** 0 when the symmetric algorithm is NULL. */
    public int symmetricKeyBits() {
        return symmetricKeyBits;
    }

    /** 0 when the symmetric algorithm is NULL. */
    public int symmetricMode() {
        return symmetricMode;
    }

    public int scheme() {
        return scheme;
    }

    /** The scheme's hash algorithm; 0 for NULL and RSAES, which carry none. */
    public int schemeHash() {
        return schemeHash;
    }

    public int keyBits() {
        return keyBits;
    }

    @Override
    public String toString() {
        return "TpmPublic[rsa" + keyBits + ", attributes=0x" + Long.toHexString(attributes) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TpmPublic other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }
}
