package io.boat.attestation.service.tpm;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/**
 * An RSA TPMT_PUBLIC (TPM 2.0 Part 2, 12.2.4) with its exact wire bytes, from which the TPM object
 * name is computed: nameAlg || H_nameAlg(TPMT_PUBLIC). Only RSA keys are supported.
 */
public final class TpmPublic {
    private final byte[] encoded;
    private final int nameAlg;
    private final int attributes;
    private final byte[] authPolicy;
    private final int symmetricAlg;
    private final int symmetricKeyBits;
    private final int symmetricMode;
    private final int scheme;
    private final int schemeHash;
    private final int keyBits;
    private final long exponent;
    private final byte[] modulus;

    private TpmPublic(byte[] encoded, TpmReader r) throws TpmFormatException {
        this.encoded = encoded;
        int type = r.u16("type");
        if (type != TpmAlg.RSA) {
            throw new TpmFormatException(String.format("key type 0x%04x is not RSA (0x0001)", type));
        }
        nameAlg = r.u16("nameAlg");
        TpmAlg.digestName(nameAlg);
        attributes = r.u32("objectAttributes");
        authPolicy = r.sized("authPolicy", 64);
        symmetricAlg = r.u16("symmetric.algorithm");
        symmetricKeyBits = symmetricAlg == TpmAlg.NULL ? 0 : r.u16("symmetric.keyBits");
        symmetricMode = symmetricAlg == TpmAlg.NULL ? 0 : r.u16("symmetric.mode");
        scheme = r.u16("scheme");
        schemeHash = scheme == TpmAlg.NULL ? 0 : r.u16("scheme.hashAlg");
        keyBits = r.u16("keyBits");
        exponent = r.u32("exponent") & 0xffffffffL;
        modulus = r.sized("unique", 512);
        if (keyBits < 2048 || keyBits > 4096 || modulus.length * 8 != keyBits) {
            throw new TpmFormatException("RSA key of " + keyBits + " bits with a " + modulus.length * 8
                + "-bit modulus is not supported (2048..4096 bits)");
        }
    }

    /** Parses a TPMT_PUBLIC that fills {@code tpmtPublic} exactly. */
    public static TpmPublic parse(byte[] tpmtPublic) throws TpmFormatException {
        TpmReader r = new TpmReader(tpmtPublic, "TPMT_PUBLIC");
        TpmPublic p = new TpmPublic(tpmtPublic.clone(), r);
        r.end();
        return p;
    }

    /** Parses a TPM2B_PUBLIC (16-bit size, then TPMT_PUBLIC), as written by tpm2-tools. */
    public static TpmPublic parseSized(byte[] tpm2bPublic) throws TpmFormatException {
        TpmReader r = new TpmReader(tpm2bPublic, "TPM2B_PUBLIC");
        byte[] inner = r.sized("publicArea", 1024);
        r.end();
        return parse(inner);
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

    public byte[] encoded() {
        return encoded.clone();
    }

    /** TPM name: the 2-byte nameAlg followed by the digest of the public area. */
    public byte[] name() {
        try {
            MessageDigest md = TpmAlg.digest(nameAlg);
            byte[] h = md.digest(encoded);
            byte[] name = new byte[2 + h.length];
            name[0] = (byte) (nameAlg >> 8);
            name[1] = (byte) nameAlg;
            System.arraycopy(h, 0, name, 2, h.length);
            return name;
        } catch (TpmFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAPublicKey rsaPublicKey() {
        BigInteger e = BigInteger.valueOf(exponent == 0 ? 65537 : exponent);
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), e));
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public int nameAlg() { return nameAlg; }
    public int attributes() { return attributes; }
    public byte[] authPolicy() { return authPolicy.clone(); }
    public int symmetricAlg() { return symmetricAlg; }
    public int symmetricKeyBits() { return symmetricKeyBits; }
    public int symmetricMode() { return symmetricMode; }
    public int scheme() { return scheme; }
    public int schemeHash() { return schemeHash; }
    public int keyBits() { return keyBits; }
    public byte[] modulus() { return modulus.clone(); }

    /** True when both keys have the same RSA modulus and exponent. */
    public boolean sameKeyAs(RSAPublicKey other) {
        RSAPublicKey mine = rsaPublicKey();
        return mine.getModulus().equals(other.getModulus()) && mine.getPublicExponent().equals(other.getPublicExponent());
    }

    @Override
    public String toString() {
        return "TpmPublic[rsa" + keyBits + ", attributes=0x" + Integer.toHexString(attributes) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TpmPublic && Arrays.equals(encoded, ((TpmPublic) o).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }
}
