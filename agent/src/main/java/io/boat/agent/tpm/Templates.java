package io.boat.agent.tpm;

import java.util.HexFormat;
import tss.tpm.TPM2B_PUBLIC_KEY_RSA;
import tss.tpm.TPMA_OBJECT;
import tss.tpm.TPMS_NULL_ASYM_SCHEME;
import tss.tpm.TPMS_RSA_PARMS;
import tss.tpm.TPMS_SCHEME_OAEP;
import tss.tpm.TPMS_SCHEME_RSASSA;
import tss.tpm.TPMT_PUBLIC;
import tss.tpm.TPMT_SYM_DEF_OBJECT;
import tss.tpm.TPM_ALG_ID;

/** Key templates: TCG EK (L-1) and SRK, the attestation key and the bind key. */
public final class Templates {
    /** TPMA_OBJECT bits of the bind key: fixedTPM, fixedParent, sensitiveDataOrigin, userWithAuth, decrypt. */
    public static final int BIND_KEY_ATTRIBUTES = 0x00020072;

    /** PolicySecret(TPM_RH_ENDORSEMENT), the TCG EK credential profile's policy. */
    private static final byte[] EK_POLICY = HexFormat.of()
        .parseHex("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa");

    private Templates() {
    }

    /** TCG EK Credential Profile template L-1 (RSA-2048, AES-128-CFB) with the 256-zero-byte unique. */
    public static TPMT_PUBLIC endorsementKey() {
        return new TPMT_PUBLIC(TPM_ALG_ID.SHA256,
            new TPMA_OBJECT(TPMA_OBJECT.fixedTPM, TPMA_OBJECT.fixedParent, TPMA_OBJECT.sensitiveDataOrigin,
                TPMA_OBJECT.adminWithPolicy, TPMA_OBJECT.restricted, TPMA_OBJECT.decrypt),
            EK_POLICY,
            new TPMS_RSA_PARMS(new TPMT_SYM_DEF_OBJECT(TPM_ALG_ID.AES, 128, TPM_ALG_ID.CFB),
                new TPMS_NULL_ASYM_SCHEME(), 2048, 0),
            new TPM2B_PUBLIC_KEY_RSA(new byte[256]));
    }

    /** TCG storage root key template (RSA-2048, AES-128-CFB, restricted decrypt, noDA). */
    public static TPMT_PUBLIC storageRootKey() {
        return new TPMT_PUBLIC(TPM_ALG_ID.SHA256,
            new TPMA_OBJECT(TPMA_OBJECT.fixedTPM, TPMA_OBJECT.fixedParent, TPMA_OBJECT.sensitiveDataOrigin,
                TPMA_OBJECT.userWithAuth, TPMA_OBJECT.noDA, TPMA_OBJECT.restricted, TPMA_OBJECT.decrypt),
            new byte[0],
            new TPMS_RSA_PARMS(new TPMT_SYM_DEF_OBJECT(TPM_ALG_ID.AES, 128, TPM_ALG_ID.CFB),
                new TPMS_NULL_ASYM_SCHEME(), 2048, 0),
            new TPM2B_PUBLIC_KEY_RSA(new byte[256]));
    }

    /** Restricted RSASSA-SHA256 signing key: can sign only TPM-generated structures (quotes, certifications). */
    public static TPMT_PUBLIC attestationKey() {
        return new TPMT_PUBLIC(TPM_ALG_ID.SHA256,
            new TPMA_OBJECT(TPMA_OBJECT.fixedTPM, TPMA_OBJECT.fixedParent, TPMA_OBJECT.sensitiveDataOrigin,
                TPMA_OBJECT.userWithAuth, TPMA_OBJECT.restricted, TPMA_OBJECT.sign),
            new byte[0],
            new TPMS_RSA_PARMS(TPMT_SYM_DEF_OBJECT.nullObject(), new TPMS_SCHEME_RSASSA(TPM_ALG_ID.SHA256), 2048, 0),
            new TPM2B_PUBLIC_KEY_RSA());
    }

    /**
     * TPMA_OBJECT bits of the PCR-bound bind key: as {@link #BIND_KEY_ATTRIBUTES} without userWithAuth, so
     * only the authPolicy (TPM2_PolicyPCR) authorises its use. adminWithPolicy stays clear: TPM2_Certify
     * (an ADMIN-role command) still works with the empty auth value, so the key is registered as before.
     */
    public static final int PCR_BOUND_BIND_KEY_ATTRIBUTES = BIND_KEY_ATTRIBUTES & ~0x40;

    /** The bind key whose use requires {@code authPolicy} (a TPM2_PolicyPCR digest). */
    public static TPMT_PUBLIC pcrBoundBindKey(byte[] authPolicy) {
        TPMT_PUBLIC t = bindKey(PCR_BOUND_BIND_KEY_ATTRIBUTES);
        t.authPolicy = authPolicy;
        return t;
    }

    /** RSA-2048 decrypt-only key (OAEP-SHA256) that cannot leave this TPM, with the given TPMA_OBJECT bits. */
    public static TPMT_PUBLIC bindKey(int attributes) {
        boolean sign = (attributes & (1 << 18)) != 0;
        return new TPMT_PUBLIC(TPM_ALG_ID.SHA256, TPMA_OBJECT.fromInt(attributes), new byte[0],
            new TPMS_RSA_PARMS(TPMT_SYM_DEF_OBJECT.nullObject(),
                sign ? new TPMS_NULL_ASYM_SCHEME() : new TPMS_SCHEME_OAEP(TPM_ALG_ID.SHA256), 2048, 0),
            new TPM2B_PUBLIC_KEY_RSA());
    }
}
