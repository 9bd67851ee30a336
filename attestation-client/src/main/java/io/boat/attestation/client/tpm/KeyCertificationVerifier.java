package io.boat.attestation.client.tpm;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies that a bind key lives in the same TPM as an activated AK and cannot leave it: a
 * TPM2_Certify by the AK whose certified name is the name of the presented public area, and whose
 * attributes are fixedTPM, fixedParent, sensitiveDataOrigin, decrypt, neither sign nor restricted.
 * The attestation service checks a registration with it, and the KMS re-checks the evidence a trust
 * report carries with the same code before it wraps a secret to the key.
 */
public final class KeyCertificationVerifier {
    static final List<ObjectAttributes> REQUIRED = List.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
        ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.DECRYPT);
    static final List<ObjectAttributes> FORBIDDEN = List.of(ObjectAttributes.SIGN, ObjectAttributes.RESTRICTED);

    /** Returns the parsed bind key when the certification holds. */
    public TpmPublic verify(TpmPublic ak, byte[] bindPublic, byte[] certifyInfo, byte[] signature)
            throws CertificationRejectedException {
        TpmPublic bind;
        TpmAttest attest;
        TpmSignature sig;
        try {
            bind = TpmPublic.parse(bindPublic);
            attest = TpmAttest.parse(certifyInfo);
            sig = TpmSignature.parse(signature);
        } catch (TpmFormatException e) {
            throw new CertificationRejectedException("malformed bind key certification: " + e.getMessage());
        }
        if (!sig.verifies(certifyInfo, ak.rsaPublicKey())) {
            throw new CertificationRejectedException("bind key certification is not signed by the host's AK");
        }
        if (attest.magic() != TpmAttest.TPM_GENERATED_VALUE || attest.type() != TpmAttest.ST_ATTEST_CERTIFY) {
            throw new CertificationRejectedException("bind key certification is not a TPM-generated certify structure");
        }
        if (!MessageDigest.isEqual(attest.certifiedName(), bind.name())) {
            throw new CertificationRejectedException("certified name does not match the bind key's public area");
        }
        List<String> problems = ObjectAttributes.violations(bind.attributes(), REQUIRED, FORBIDDEN);
        if (!problems.isEmpty()) {
            throw new CertificationRejectedException("bind key attributes are not acceptable: " + String.join(", ", problems));
        }
        if (bind.nameAlg() != TpmAlg.SHA256 || bind.keyBits() != 2048) {
            throw new CertificationRejectedException("bind key must be RSA-2048 with name algorithm SHA-256");
        }
        return bind;
    }
}
