package io.boat.attestation.service.verify;

import io.boat.attestation.client.tpm.ObjectAttributes;
import io.boat.attestation.client.tpm.TpmAlg;
import io.boat.attestation.client.tpm.TpmFormatException;
import io.boat.attestation.client.tpm.TpmPublic;
import java.util.List;

/** Accepts only attestation keys that are restricted RSASSA signing keys generated in and bound to the TPM. */
public final class AkVerifier {
    static final List<ObjectAttributes> REQUIRED = List.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
        ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.RESTRICTED, ObjectAttributes.SIGN);
    static final List<ObjectAttributes> FORBIDDEN = List.of(ObjectAttributes.DECRYPT);

    private AkVerifier() {
    }

    public static TpmPublic verify(byte[] akPublic) throws EvidenceRejectedException {
        TpmPublic ak;
        try {
            ak = TpmPublic.parse(akPublic);
        } catch (TpmFormatException e) {
            throw new EvidenceRejectedException("malformed AK public area: " + e.getMessage());
        }
        List<String> problems = ObjectAttributes.violations(ak.attributes(), REQUIRED, FORBIDDEN);
        if (!problems.isEmpty()) {
            throw new EvidenceRejectedException("AK attributes are not acceptable: " + String.join(", ", problems));
        }
        if (ak.scheme() != TpmAlg.RSASSA || ak.schemeHash() != TpmAlg.SHA256 || ak.nameAlg() != TpmAlg.SHA256) {
            throw new EvidenceRejectedException("AK must use RSASSA with SHA-256 and name algorithm SHA-256");
        }
        return ak;
    }
}
