package io.boat.kms.release;

import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where a release goes: the RSA public key of a host's bind key (taken from a public area that was
 * already checked), the key's TPM name, and the id of the trust report that allowed the release.
 * Validated at construction so a wrapper never sees a key it must not wrap to.
 */
public final class BindKeyTarget {
    private static final int MIN_RSA_BITS = 2048;
    /** nameAlg (2 bytes) and a SHA-1 .. SHA-512 digest. */
    private static final int MIN_NAME_BYTES = 2 + 20;
    private static final int MAX_NAME_BYTES = 2 + 64;
    /** Report ids travel in a JOSE header: keep them short and free of quoting problems. */
    private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RSAPublicKey publicKey;
    private final byte[] name;
    private final String reportId;

    public BindKeyTarget(RSAPublicKey publicKey, byte[] name, String reportId) {
        if (publicKey.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY,
                "RSA bind key of " + publicKey.getModulus().bitLength() + " bits is shorter than " + MIN_RSA_BITS);
        }
        if (name.length < MIN_NAME_BYTES || name.length > MAX_NAME_BYTES) {
            throw new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY,
                "bind key name of " + name.length + " bytes is not a TPM name");
        }
        if (reportId == null || !REPORT_ID.matcher(reportId).matches()) {
            throw new ReleaseException(ReleaseException.Reason.UNUSABLE_BIND_KEY,
                "trust report id must be 1..128 characters of [A-Za-z0-9._:-]");
        }
        this.publicKey = publicKey;
        this.name = name.clone();
        this.reportId = reportId;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The TPM name in lower-case hex, as tpm2_readpublic prints it: the JWE's {@code kid}. */
    public String nameHex() {
        return HexFormat.of().formatHex(name);
    }

    public String reportId() {
        return reportId;
    }

    /** Bytes of the RSA modulus, i.e. of one OAEP block. */
    int modulusBytes() {
        return (publicKey.getModulus().bitLength() + 7) / 8;
    }

    @Override
    public String toString() {
        return "BindKeyTarget[" + nameHex() + ", report " + reportId + "]";
    }
}
