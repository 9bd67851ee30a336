package io.boat.attestation.service.verify;

import io.boat.attestation.client.tpm.ObjectAttributes;
import io.boat.attestation.client.tpm.TpmAlg;
import io.boat.attestation.client.tpm.TpmFormatException;
import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.attestation.service.tpm.TpmAttest;
import io.boat.attestation.service.tpm.TpmSignature;
import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies that a bind key lives in the same TPM as an activated AK and cannot leave it: a
 * TPM2_Certify by the AK whose certified name is the name of the presented public area, and whose
 * attributes are fixedTPM, fixedParent, sensitiveDataOrigin, decrypt, neither sign nor restricted.
 */
public final class KeyCertificationVerifier {
    static final List<ObjectAttributes> REQUIRED = List.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
        ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.DECRYPT);
    static final List<ObjectAttributes> FORBIDDEN = List.of(ObjectAttributes.SIGN, ObjectAttributes.RESTRICTED);

    /** Returns the parsed bind key when the certification holds. */
    public TpmPublic verify(TpmPublic ak, byte[] bindPublic, byte[] certifyInfo, byte[] signature)
            throws EvidenceRejectedException {
        TpmPublic bind;
        TpmAttest attest;
        TpmSignature sig;
        try {
            bind = TpmPublic.parse(bindPublic);
            attest = TpmAttest.parse(certifyInfo);
            sig = TpmSignature.parse(signature);
        } catch (TpmFormatException e) {
            throw new EvidenceRejectedException("malformed bind key certification: " + e.getMessage());
        }
        if (!sig.verifies(certifyInfo, ak.rsaPublicKey())) {
            throw new EvidenceRejectedException("bind key certification is not signed by the host's AK");
        }
        if (attest.magic() != TpmAttest.TPM_GENERATED_VALUE || attest.type() != TpmAttest.ST_ATTEST_CERTIFY) {
            throw new EvidenceRejectedException("bind key certification is not a TPM-generated certify structure");
        }
        if (!MessageDigest.isEqual(attest.certifiedName(), bind.name())) {
            throw new EvidenceRejectedException("certified name does not match the bind key's public area");
        }
        List<String> problems = ObjectAttributes.violations(bind.attributes(), REQUIRED, FORBIDDEN);
        if (!problems.isEmpty()) {
            throw new EvidenceRejectedException("bind key attributes are not acceptable: " + String.join(", ", problems));
        }
        if (bind.nameAlg() != TpmAlg.SHA256 || bind.keyBits() != 2048) {
            throw new EvidenceRejectedException("bind key must be RSA-2048 with name algorithm SHA-256");
        }
        return bind;
    }
}
